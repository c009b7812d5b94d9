namespace System.Security.Cryptography.X509Certificates
{
    /// <summary>Surface of System.Net's <c>X509Certificate2</c>.</summary>
    public class X509Certificate2 : X509Certificate
    {
        /// <summary>Creates an empty certificate.</summary>
        public X509Certificate2() => throw null;

        /// <summary>Creates a certificate from DER or PEM bytes.</summary>
        public X509Certificate2(byte[] rawData) => throw null;

        /// <summary>Creates a certificate from a PEM string.</summary>
        public X509Certificate2(string certificate) => throw null;

        /// <summary>Creates a certificate with its private key.</summary>
        public X509Certificate2(string rawData, string key, string password) => throw null;

        /// <summary>Creates a certificate with its private key.</summary>
        public X509Certificate2(byte[] rawData, string key, string password) => throw null;

        /// <summary>Creates a certificate with its private key.</summary>
        public X509Certificate2(byte[] rawData, byte[] key, string password) => throw null;

        /// <summary>Whether a private key is attached.</summary>
        public bool HasPrivateKey => throw null;

        /// <summary>End of validity.</summary>
        public DateTime NotAfter => throw null;

        /// <summary>Start of validity.</summary>
        public DateTime NotBefore => throw null;

        /// <summary>Raw certificate bytes.</summary>
        public byte[] RawData => throw null;
    }
}
