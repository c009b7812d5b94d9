using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using TagoFirmware.Config;

namespace TagoFirmware.Host.Tls
{
    /// <summary>
    /// Checks CA PEM text before any connection tries it, so a bad CA is named by where it came from. Each certificate
    /// must parse and be inside its dates (.NET and mbedTLS check the anchor's dates too, RFC 5280 §6.1.3) and should be
    /// a CA (basicConstraints cA, RFC 5280 §4.2.1.9); a server's own certificate in its place is only warned about.
    /// </summary>
    public static class CaCertificateCheck
    {
        /// <summary>The problems of one PEM entry, under <paramref name="source"/> (e.g. <c>mqtt.ca_certificates[0]</c>); errors make it unusable.</summary>
        public static List<ConfigIssue> Check(string pem, string source, DateTime nowUtc)
        {
            var issues = new List<ConfigIssue>();
            var certificates = new X509Certificate2Collection();
            try
            {
                certificates.ImportFromPem(pem ?? string.Empty);
            }
            catch (CryptographicException ex)
            {
                issues.Add(new ConfigIssue(true, source, "is not a usable certificate: " + ex.Message));
                return issues;
            }

            if (certificates.Count == 0)
            {
                issues.Add(new ConfigIssue(true, source, "holds no -----BEGIN CERTIFICATE----- block"));
                return issues;
            }

            int inDate = 0;
            var dateIssues = new List<ConfigIssue>();
            foreach (X509Certificate2 certificate in certificates)
            {
                DateTime from = certificate.NotBefore.ToUniversalTime();
                DateTime until = certificate.NotAfter.ToUniversalTime();
                string name = "certificate '" + certificate.Subject + "'";
                if (nowUtc > until || nowUtc < from)
                {
                    dateIssues.Add(new ConfigIssue(true, source, name + " " + Validity(certificate, nowUtc)));
                }
                else
                {
                    inDate++;
                }

                if (!IsCertificateAuthority(certificate))
                {
                    issues.Add(new ConfigIssue(false, source, name + " is not a CA certificate (no basicConstraints cA=true): put the root CA that signed the broker's certificate here, not the broker's own certificate"));
                }

                certificate.Dispose();
            }

            // One out-of-date root in a bundle that holds good ones costs nothing; only an entry with none left fails.
            foreach (ConfigIssue issue in dateIssues)
            {
                issues.Add(inDate > 0 ? new ConfigIssue(false, issue.Path, issue.Message) : issue);
            }

            return issues;
        }

        private static bool IsCertificateAuthority(X509Certificate2 certificate)
        {
            foreach (X509Extension extension in certificate.Extensions)
            {
                if (extension is X509BasicConstraintsExtension constraints)
                {
                    return constraints.CertificateAuthority;
                }
            }

            return false;
        }

        /// <summary>"expired on …" or "not valid before …", with the validity dates and the clock (UTC).</summary>
        public static string Validity(X509Certificate2 certificate, DateTime nowUtc)
        {
            DateTime from = certificate.NotBefore.ToUniversalTime();
            DateTime until = certificate.NotAfter.ToUniversalTime();
            return (nowUtc > until ? "expired on " + Iso(until) : "not valid before " + Iso(from))
                + " (valid " + Iso(from) + " to " + Iso(until) + "; this clock says " + Iso(nowUtc) + ")";
        }

        private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
    }
}
