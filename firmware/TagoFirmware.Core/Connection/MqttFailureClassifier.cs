namespace TagoFirmware.Connection
{
    /// <summary>Turns what a client library threw during a connect attempt into a <see cref="ConnectFailure"/>; the rules were found on real brokers.</summary>
    public static class MqttFailureClassifier
    {
        /// <summary>M2Mqtt waits a fixed 30 s for the CONNACK, then throws as for a broken connection: this late, it is that timeout.</summary>
        public const int ConnackTimeoutThresholdMs = 25000;

        // mbedTLS codes (x509.h, ssl.h) and what they mean here.
        private static readonly int[] s_tlsCodes = { -0x2700, -0x6E00, -0x7200, -0x7780, -0x7280, -0x6800, -0x7F00 };

        private static readonly string[] s_tlsTexts = ("cert not trusted (CA, host, date)|TLS too old (1.2 required)|no TLS answer: wrong port?|fatal alert"
            + "|closed in handshake: wrong port?|timed out|out of memory").Split('|');

        /// <summary>Classifies one failed attempt.</summary>
        public static ConnectFailure Classify(ConnectError error, int socketCode, int connackCode, long elapsedMs)
        {
            switch (error)
            {
                case ConnectError.Lookup:
                    return ConnectFailure.Dns;
                case ConnectError.Socket:
                    return IsTlsCode(socketCode) ? ConnectFailure.Tls : ConnectFailure.Network;
                case ConnectError.Handshake:
                case ConnectError.CertificateExpired:
                case ConnectError.TlsVersion:
                case ConnectError.NotTls:
                    return ConnectFailure.Tls;
                case ConnectError.Protocol:
                    return ConnectFailure.Protocol;
                case ConnectError.Timeout:
                    return ConnectFailure.Timeout;
                case ConnectError.Exchange:
                    // With a CONNACK seen: a refusal whose socket closed under Connect, or M2Mqtt's stale exception on a reconnect.
                    return connackCode < 0 && elapsedMs >= ConnackTimeoutThresholdMs ? ConnectFailure.Timeout : ConnectFailure.Communication;
                default:
                    return ConnectFailure.Internal;
            }
        }

        /// <summary>True for an mbedTLS TLS error, not a positive errno or an mbedTLS network code (-0x42 to -0x52, mbedtls/net_sockets.h).</summary>
        public static bool IsTlsCode(int code) => code < -0x52 || (code < 0 && code > -0x42);

        /// <summary>A short explanation of a TLS failure for the log, or null; nanoFramework passes no verify flags, so every failed certificate check is -0x2700 (TLS 1.0/1.1 only: -0x6E00, -0x7780; plaintext port: -0x7200, -0x7280; mbedtls/ssl.h).</summary>
        public static string Explain(ConnectError error, int socketCode)
        {
            // The adapter errors that mean the same as an mbedTLS code share its text.
            if (error == ConnectError.TlsVersion)
                socketCode = -0x6E00;
            else if (error == ConnectError.NotTls)
                socketCode = -0x7200;
            else if (error != ConnectError.Socket || !IsTlsCode(socketCode))
                return null;
            for (int i = 0; i < s_tlsCodes.Length; i++)
            {
                if (s_tlsCodes[i] == socketCode)
                    return (error == ConnectError.Socket ? "tls -0x" + (-socketCode).ToString("X4") : "tls") + ": " + s_tlsTexts[i];
            }

            return "tls error " + socketCode.ToString();
        }
    }
}
