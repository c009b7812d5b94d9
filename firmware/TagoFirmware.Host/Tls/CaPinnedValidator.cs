using System;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using TagoFirmware.Connection;

namespace TagoFirmware.Host.Tls
{
    /// <summary>
    /// Validates a broker certificate against the CA certificates from configuration only (not the machine's store)
    /// plus the host name, the way the device's mbedTLS does with the configured root. Never accepts everything:
    /// an empty CA list fails every handshake.
    /// </summary>
    public sealed class CaPinnedValidator
    {
        private readonly X509Certificate2Collection _roots;
        private readonly string _hostName;
        private readonly bool _systemTrust;

        /// <summary>Creates a validator.</summary>
        /// <param name="roots">Trusted root (or intermediate) certificates; used as the only trust anchors.</param>
        /// <param name="hostName">Host name or IP literal the server certificate must name in its SAN.</param>
        public CaPinnedValidator(X509Certificate2Collection roots, string hostName)
        {
            _roots = roots ?? new X509Certificate2Collection();
            _hostName = hostName;
        }

        /// <summary>
        /// A validator that relies on the operating system's trust store and the platform's host-name check (used when
        /// no CA is configured, the way the device falls back to its deployed bundle).
        /// </summary>
        /// <param name="hostName">Host name the certificate must name.</param>
        /// <returns>The validator.</returns>
        public static CaPinnedValidator SystemTrust(string hostName)
        {
            return new CaPinnedValidator(null, hostName, true);
        }

        /// <summary>
        /// The validator for a configured CA PEM text: pinned to its certificates, or <see cref="SystemTrust"/> when
        /// there is none. An unreadable PEM trusts nothing, so every handshake fails as TLS.
        /// </summary>
        /// <param name="pem">PEM text of one or more CA certificates, or null/empty.</param>
        /// <param name="hostName">Host name the certificate must name.</param>
        /// <returns>The validator.</returns>
        public static CaPinnedValidator ForPem(string pem, string hostName)
        {
            if (string.IsNullOrEmpty(pem))
            {
                return SystemTrust(hostName);
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

        private CaPinnedValidator(X509Certificate2Collection roots, string hostName, bool systemTrust)
            : this(roots, hostName)
        {
            _systemTrust = systemTrust;
        }

        /// <summary>Why the last validation failed, or null after a success. Never contains secrets.</summary>
        public string LastFailure { get; private set; }

        /// <summary>The last failure in the core's terms: <see cref="ConnectError.CertificateExpired"/> when a certificate
        /// of the chain is outside its dates and nothing else is wrong, else <see cref="ConnectError.Handshake"/>.</summary>
        public ConnectError LastFailureError { get; private set; } = ConnectError.Handshake;

        /// <summary>Loads every certificate of a PEM file (a bundle may hold several roots).</summary>
        /// <param name="pemFile">Path of the PEM file.</param>
        /// <returns>The certificates; empty when the file holds none.</returns>
        public static X509Certificate2Collection LoadPem(string pemFile)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(pemFile);
            return roots;
        }

        /// <summary>Validates a server certificate presented during the TLS handshake.</summary>
        /// <param name="certificate">Leaf certificate from the server.</param>
        /// <param name="chain">Chain the platform built (its extra certificates are used as intermediates).</param>
        /// <returns>True when the leaf chains to one of the configured roots and names the host.</returns>
        public bool Validate(X509Certificate certificate, X509Chain chain)
        {
            return Validate(certificate, chain, SslPolicyErrors.RemoteCertificateChainErrors);
        }

        /// <summary>Validates a server certificate; with system trust the platform's verdict decides.</summary>
        /// <param name="certificate">Leaf certificate from the server.</param>
        /// <param name="chain">Chain the platform built.</param>
        /// <param name="platformErrors">The platform's verdict (chain against the OS store, host name).</param>
        /// <returns>True when valid.</returns>
        public bool Validate(X509Certificate certificate, X509Chain chain, SslPolicyErrors platformErrors)
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

            if (certificate == null)
            {
                LastFailure = "the server sent no certificate";
                return false;
            }

            if (_roots.Count == 0)
            {
                LastFailure = "no CA certificate configured";
                return false;
            }

            // Work on an own copy: the caller (SslStream/MQTTnet) owns and disposes the certificate it passed.
            using X509Certificate2 leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            using var ownChain = new X509Chain();
            ownChain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            ownChain.ChainPolicy.CustomTrustStore.AddRange(_roots);
            // Revocation lists are not reachable from the field either (the device has no OCSP); the device relies on
            // root rotation instead (README "TagoIO setup").
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

        /// <summary>Says which certificate is out of date, with its validity dates and the clock.</summary>
        /// <param name="certificate">The certificate outside its dates.</param>
        /// <param name="isLeaf">Whether it is the server's own certificate (else a CA of its chain).</param>
        /// <param name="nowUtc">The clock used.</param>
        /// <returns>The message.</returns>
        public static string DescribeDates(X509Certificate2 certificate, bool isLeaf, DateTime nowUtc)
        {
            return (isLeaf ? "server certificate " : "CA certificate '" + certificate.Subject + "' in the server's chain ")
                + CaCertificateCheck.Validity(certificate, nowUtc);
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
                LastFailure = DescribeDates(outOfDate, outOfDate.RawData.AsSpan().SequenceEqual(leaf.RawData), DateTime.UtcNow);
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
            if (IPAddress.TryParse(hostName, out IPAddress ip))
            {
                foreach (X509Extension extension in leaf.Extensions)
                {
                    if (extension is X509SubjectAlternativeNameExtension san)
                    {
                        foreach (IPAddress candidate in san.EnumerateIPAddresses())
                        {
                            if (candidate.Equals(ip))
                            {
                                return true;
                            }
                        }
                    }
                }

                return false;
            }

            // MatchesHostname implements RFC 6125 (SAN dNSName, single left-most wildcard label).
            return leaf.MatchesHostname(hostName, allowWildcards: true, allowCommonName: false);
        }
    }
}
