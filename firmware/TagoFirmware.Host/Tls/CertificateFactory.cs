using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TagoFirmware.Host.Tls
{
    /// <summary>Throw-away CAs and server certificates (ECDSA P-256), so the twin validates a real chain as the device does.</summary>
    public static class CertificateFactory
    {
        /// <summary>A self-signed CA certificate, valid from a day ago for two years unless given.</summary>
        public static X509Certificate2 CreateCertificateAuthority(string commonName, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(
                X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            DateTimeOffset now = DateTimeOffset.UtcNow;
            return request.CreateSelfSigned(notBefore ?? now.AddDays(-1), notAfter ?? now.AddYears(2));
        }

        /// <summary>A server certificate signed by <paramref name="authority"/> for these SAN names (RFC 6125: clients match
        /// the SAN, not the CN), with its exportable private key; valid from a day ago for a year unless given.</summary>
        public static X509Certificate2 CreateServerCertificate(X509Certificate2 authority, string[] dnsNames, IPAddress[] ipAddresses,
            DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=" + (dnsNames.Length > 0 ? dnsNames[0] : ipAddresses[0].ToString()), key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(
                X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
                new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false)); // id-kp-serverAuth (RFC 5280 4.2.1.12)
            var san = new SubjectAlternativeNameBuilder();
            Array.ForEach(dnsNames, san.AddDnsName);
            Array.ForEach(ipAddresses, san.AddIpAddress);

            request.CertificateExtensions.Add(san.Build());
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
            DateTimeOffset now = DateTimeOffset.UtcNow;
            byte[] serial = RandomNumberGenerator.GetBytes(12);
            serial[0] &= 0x7F; // a positive serial (RFC 5280 4.1.2.2)
            DateTimeOffset until = notAfter ?? (now.AddYears(1) < authority.NotAfter ? now.AddYears(1) : authority.NotAfter.AddMinutes(-1));
            using X509Certificate2 publicOnly = request.Create(authority, notBefore ?? now.AddDays(-1), until, serial);
            using X509Certificate2 withKey = publicOnly.CopyWithPrivateKey(key);
            // Round-trip through PKCS#12 so that SslStream on Linux gets a certificate whose key it can use.
            return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
        }

        /// <summary>PEM text of a certificate (RFC 7468 "CERTIFICATE").</summary>
        public static string ToCertificatePem(X509Certificate2 certificate) => certificate.ExportCertificatePem() + "\n";
    }
}
