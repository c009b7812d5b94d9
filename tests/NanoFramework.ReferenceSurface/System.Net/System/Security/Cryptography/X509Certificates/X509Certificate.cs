using System;

namespace System.Security.Cryptography.X509Certificates
{
    /// <summary>Surface of System.Net's <c>X509Certificate</c>.</summary>
    public class X509Certificate
    {
        /// <summary>Creates an empty certificate.</summary>
        public X509Certificate() => throw null;

        /// <summary>Creates a certificate from DER or PEM bytes (PEM needs a terminating 0 byte).</summary>
        public X509Certificate(byte[] certificate) => throw null;

        /// <summary>Creates a certificate from a PEM string.</summary>
        public X509Certificate(string certificate) => throw null;

        /// <summary>Issuer name.</summary>
        public virtual string Issuer => throw null;

        /// <summary>Subject name.</summary>
        public virtual string Subject => throw null;

        /// <summary>Start of validity.</summary>
        public virtual DateTime GetEffectiveDate() => throw null;

        /// <summary>End of validity.</summary>
        public virtual DateTime GetExpirationDate() => throw null;

        /// <summary>Raw certificate bytes.</summary>
        public virtual byte[] GetRawCertData() => throw null;
    }
}
