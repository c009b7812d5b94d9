namespace nanoFramework.M2Mqtt
{
    /// <summary>TLS versions M2Mqtt can request. <c>None</c> maps to TLS 1.3 only in nanoFramework's mbedTLS; use <c>TLSv1_2</c>.</summary>
    public enum MqttSslProtocols
    {
        /// <summary>None.</summary>
        None,

        /// <summary>SSL 3 (not supported by the platform).</summary>
        SSLv3,

        /// <summary>TLS 1.0 (not supported by the platform).</summary>
        TLSv1_0,

        /// <summary>TLS 1.1 (not supported by the platform).</summary>
        TLSv1_1,

        /// <summary>TLS 1.2.</summary>
        TLSv1_2,

        /// <summary>TLS 1.3.</summary>
        TLSv1_3,
    }
}
