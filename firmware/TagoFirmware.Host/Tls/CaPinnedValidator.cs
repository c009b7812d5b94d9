using System;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using TagoFirmware.Connection;

namespace TagoFirmware.Host.Tls
{
    /// <summary>
    /// Validates a broker certificate against the configured CA certificates only, and the host name, as the device's
    /// mbedTLS does; without a CA, against the OS trust store. An empty or unreadable CA list fails every handshake.
    /// </summary>
    public sealed class CaPinnedValidator
    {
        private readonly X509Certificate2Collection _roots;
        private readonly string _hostName;
        private readonly bool _systemTrust;

        /// <summary>A validator whose only trust anchors are <paramref name="roots"/> (or, with <paramref name="systemTrust"/>,
        /// the OS trust store and the platform's host-name check), for a host name or IP literal.</summary>
        public CaPinnedValidator(X509Certificate2Collection roots, string hostName, bool systemTrust = false)
        {
            _roots = roots ?? new X509Certificate2Collection();
            _hostName = hostName;
            _systemTrust = systemTrust;
        }

        /// <summary>The validator for configured CA PEM text, or on the OS trust store when there is none.</summary>
        public static CaPinnedValidator ForPem(string pem, string hostName)
        {
            if (string.IsNullOrEmpty(pem))
            {
                return new CaPinnedValidator(null, hostName, true);
            }

            var roots = new X509Certificate2Collection();
            try
            {
                roots.ImportFromPem(pem);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                roots.Clear();
            }

            return new CaPinnedValidator(roots, hostName);
        }

        /// <summary>Why the last validation failed, or null after a success.</summary>
        public string LastFailure { get; private set; }

        /// <summary>CertificateExpired when being out of date is the chain's only problem, else Handshake.</summary>
        public ConnectError LastFailureError { get; private set; } = ConnectError.Handshake;

        /// <summary>Loads every certificate of a PEM file.</summary>
        public static X509Certificate2Collection LoadPem(string pemFile) => ForPem(System.IO.File.ReadAllText(pemFile), null)._roots;

        /// <summary>Validates a server certificate; the chain's extra certificates serve as intermediates, and with system
        /// trust the platform's verdict decides.</summary>
        public bool Validate(X509Certificate certificate, X509Chain chain, SslPolicyErrors platformErrors = SslPolicyErrors.RemoteCertificateChainErrors)
        {
            LastFailureError = ConnectError.Handshake;
            if (_systemTrust)
            {
                LastFailure = platformErrors == SslPolicyErrors.None ? null : "certificate rejected by the system trust store (" + platformErrors + ")";
                if (platformErrors == SslPolicyErrors.RemoteCertificateChainErrors && chain != null && certificate != null)
                {
                    using X509Certificate2 presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                    ExplainOutOfDate(chain, presented);
                }

                return platformErrors == SslPolicyErrors.None;
            }

            LastFailure = certificate == null ? "the server sent no certificate" : _roots.Count == 0 ? "no CA certificate configured" : null;
            if (LastFailure != null)
            {
                return false;
            }

            // Work on an own copy: the caller (SslStream/MQTTnet) owns and disposes the certificate it passed.
            using X509Certificate2 leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            using var ownChain = new X509Chain();
            ownChain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            ownChain.ChainPolicy.CustomTrustStore.AddRange(_roots);
            // No revocation check: the device has no OCSP either and relies on root rotation.
            ownChain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            ownChain.ChainPolicy.VerificationFlags = X509VerificationFlags.NoFlag;
            if (chain != null)
            {
                foreach (X509ChainElement element in chain.ChainElements)
                {
                    if (!element.Certificate.RawData.AsSpan().SequenceEqual(leaf.RawData))
                    {
                        ownChain.ChainPolicy.ExtraStore.Add(element.Certificate);
                    }
                }
            }

            if (!ownChain.Build(leaf))
            {
                LastFailure = "certificate does not chain to the configured CA (" + ChainFlags(ownChain) + ")";
                ExplainOutOfDate(ownChain, leaf);
                return false;
            }

            if (!MatchesHost(leaf, _hostName))
            {
                LastFailure = "certificate is not valid for host '" + _hostName + "'";
                return false;
            }

            LastFailure = null;
            return true;
        }

        private static X509ChainStatusFlags ChainFlags(X509Chain chain)
        {
            X509ChainStatusFlags flags = X509ChainStatusFlags.NoError;
            foreach (X509ChainStatus status in chain.ChainStatus)
            {
                flags |= status.Status;
            }

            return flags;
        }

        /// <summary>When being out of date is the chain's only problem, says so with the dates instead of "does not chain".</summary>
        private void ExplainOutOfDate(X509Chain chain, X509Certificate2 leaf)
        {
            X509Certificate2 outOfDate = ChainFlags(chain) == X509ChainStatusFlags.NotTimeValid ? OutOfDate(chain, leaf) : null;
            if (outOfDate != null)
            {
                LastFailureError = ConnectError.CertificateExpired;
                LastFailure = (outOfDate.RawData.AsSpan().SequenceEqual(leaf.RawData) ? "server certificate " : "CA certificate '" + outOfDate.Subject + "' in the server's chain ")
                    + CaCertificateCheck.Validity(outOfDate, DateTime.UtcNow);
            }
        }

        private static X509Certificate2 OutOfDate(X509Chain chain, X509Certificate2 leaf)
        {
            foreach (X509ChainElement element in chain.ChainElements)
            {
                foreach (X509ChainStatus status in element.ChainElementStatus)
                {
                    if ((status.Status & X509ChainStatusFlags.NotTimeValid) != 0)
                    {
                        return element.Certificate;
                    }
                }
            }

            return DateTime.UtcNow > leaf.NotAfter.ToUniversalTime() || DateTime.UtcNow < leaf.NotBefore.ToUniversalTime() ? leaf : null;
        }

        private static bool MatchesHost(X509Certificate2 leaf, string hostName)
        {
            try
            {
                // RFC 6125: SAN dNSName (one left-most wildcard label) or, for an IP literal, SAN iPAddress; never the CN.
                return leaf.MatchesHostname(hostName, allowWildcards: true, allowCommonName: false);
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }
}
