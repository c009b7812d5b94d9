using System;

namespace System.Net.Security
{
    /// <summary>TLS versions (nanoFramework: None means TLS 1.3 only).</summary>
    [Flags]
    public enum SslProtocols
    {
        /// <summary>Platform default (TLS 1.3 only in mbedTLS).</summary>
        None = 0,

        /// <summary>TLS 1.0 (obsolete).</summary>
        Tls = 192,

        /// <summary>TLS 1.1 (obsolete).</summary>
        Tls11 = 768,

        /// <summary>TLS 1.2.</summary>
        Tls12 = 3072,

        /// <summary>TLS 1.3.</summary>
        Tls13 = 12288,
    }
}
