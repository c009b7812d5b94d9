using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using TagoFirmware.Config;

namespace TagoFirmware.Host.Tls
{
    /// <summary>Validates a broker certificate against the configured CAs only (else the OS store) and the host name, like mbedTLS.</summary>
    /// <remarks>An empty or unreadable CA list fails every handshake; <see cref="Check"/> names a bad CA by its source.</remarks>
    public sealed class CaPinnedValidator
    {
        private readonly X509Certificate2Collection _roots;
        private readonly string _hostName;

        /// <summary>A validator trusting only <paramref name="roots"/> (null: the OS trust store) for a host.</summary>
        public CaPinnedValidator(X509Certificate2Collection roots, string hostName) => (_roots, _hostName) = (roots, hostName);

        /// <summary>The validator for configured CA PEM text, or on the OS trust store when there is none.</summary>
        public static CaPinnedValidator ForPem(string pem, string hostName) => new CaPinnedValidator(string.IsNullOrEmpty(pem) ? null : Import(pem, out _), hostName);

        /// <summary>Why the last validation failed, or null after a success.</summary>
        public string LastFailure { get; private set; }

        /// <summary>Validates a server certificate, with the chain's extras as intermediates.</summary>
        public bool Validate(X509Certificate certificate, X509Chain chain)
        {
            LastFailure = certificate == null ? "the server sent no certificate" : _roots?.Count == 0 ? "no CA certificate configured" : null;
            if (LastFailure != null)
            {
                return false;
            }

            // Work on an own copy: the caller (SslStream/MQTTnet) owns and disposes the certificate it passed.
            using X509Certificate2 leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            using var ownChain = new X509Chain();
            if (_roots != null)
            {
                ownChain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                ownChain.ChainPolicy.CustomTrustStore.AddRange(_roots);
            }

            // No revocation check: the device has no OCSP either and relies on root rotation.
            ownChain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            ownChain.ChainPolicy.ExtraStore.AddRange((chain?.ChainElements.Select(e => e.Certificate) ?? []).Where(c => !c.RawData.AsSpan().SequenceEqual(leaf.RawData)).ToArray());

            if (!ownChain.Build(leaf))
            {
                LastFailure = (_roots == null ? "certificate rejected by the system trust store (" : "certificate does not chain to the configured CA (") + ChainFlags(ownChain) + ")";
                ExplainOutOfDate(ownChain, leaf);
                return false;
            }

            // RFC 6125: SAN dNSName (one left-most wildcard label) or, for an IP literal, SAN iPAddress; never the CN.
            if (string.IsNullOrEmpty(_hostName) || !leaf.MatchesHostname(_hostName, allowWildcards: true, allowCommonName: false))
            {
                LastFailure = "certificate is not valid for host '" + _hostName + "'";
                return false;
            }

            LastFailure = null;
            return true;
        }

        private static X509ChainStatusFlags ChainFlags(X509Chain chain) => chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (flags, status) => flags | status.Status);

        /// <summary>When being out of date is the chain's only problem, says so with the dates instead of "does not chain".</summary>
        private void ExplainOutOfDate(X509Chain chain, X509Certificate2 leaf)
        {
            X509Certificate2 outOfDate = chain.ChainElements
                .FirstOrDefault(e => e.ChainElementStatus.Any(status => (status.Status & X509ChainStatusFlags.NotTimeValid) != 0))?.Certificate ?? leaf;
            string validity = ChainFlags(chain) == X509ChainStatusFlags.NotTimeValid ? Validity(outOfDate) : null;
            if (validity != null)
            {
                LastFailure = (outOfDate.RawData.AsSpan().SequenceEqual(leaf.RawData) ? "server certificate " : "CA certificate '" + outOfDate.Subject + "' in the server's chain ")
                    + validity;
            }
        }

        /// <summary>Adds the problems of one CA PEM entry under <paramref name="source"/> (e.g. <c>mqtt.ca_certificates[0]</c>) to <paramref name="result"/>; errors make it unusable.</summary>
        /// <remarks>Each certificate must parse and be inside its dates (.NET and mbedTLS check the anchor's dates too,
        /// RFC 5280 §6.1.3) and should be a CA (basicConstraints cA, RFC 5280 §4.2.1.9).</remarks>
        public static void Check(string pem, string source, ConfigResult result)
        {
            X509Certificate2Collection certificates = Import(pem ?? string.Empty, out string error);
            if (error != null || certificates.Count == 0)
            {
                result.Add(true, source, error != null ? "is not a usable certificate: " + error : "holds no -----BEGIN CERTIFICATE----- block");
                return;
            }

            foreach (X509Certificate2 c in certificates.Where(c => !(c.Extensions[BasicConstraintsOid] is X509BasicConstraintsExtension { CertificateAuthority: true })))
            {
                result.Add(false, source, "certificate '" + c.Subject + "' is not a CA certificate (no basicConstraints cA=true): put the root CA that signed the broker's certificate here, not the broker's own certificate");
            }

            // One out-of-date root in a bundle that holds good ones costs nothing; only an entry with none left fails.
            var outOfDate = certificates.Select(c => (c.Subject, Validity: Validity(c))).Where(c => c.Validity != null).ToList();
            foreach (var c in outOfDate)
            {
                result.Add(outOfDate.Count == certificates.Count, source, "certificate '" + c.Subject + "' " + c.Validity);
            }

            foreach (X509Certificate2 certificate in certificates)
            {
                certificate.Dispose();
            }
        }

        private const string BasicConstraintsOid = "2.5.29.19";

        private static X509Certificate2Collection Import(string pem, out string error)
        {
            var certificates = new X509Certificate2Collection();
            error = null;
            try
            {
                certificates.ImportFromPem(pem);
            }
            catch (CryptographicException ex)
            {
                certificates.Clear();
                error = ex.Message;
            }

            return certificates;
        }

        // "expired on …" or "not valid before …" with the dates and this clock (UTC), or null when in date.
        private static string Validity(X509Certificate2 certificate)
        {
            DateTime now = DateTime.UtcNow, from = certificate.NotBefore.ToUniversalTime(), until = certificate.NotAfter.ToUniversalTime();
            return now <= until && now >= from ? null : (now > until ? "expired on " + Iso(until) : "not valid before " + Iso(from))
                + " (valid " + Iso(from) + " to " + Iso(until) + "; this clock says " + Iso(now) + ")";
        }

        private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
