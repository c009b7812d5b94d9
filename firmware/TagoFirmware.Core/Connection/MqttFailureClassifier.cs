namespace TagoFirmware.Connection
{
    /// <summary>Refines what an adapter made of a failed connect attempt; the rules were found on real brokers.</summary>
    public static class MqttFailureClassifier
    {
        /// <summary>M2Mqtt waits a fixed 30 s for the CONNACK, then throws as for a broken connection: this late, it is that timeout.</summary>
        public const int ConnackTimeoutThresholdMs = 25000;

        // mbedTLS codes (x509.h, ssl.h) and what they mean here.
        private static readonly int[] s_tlsCodes = { -0x2700, -0x6E00, -0x7200, -0x7780, -0x7280, -0x6800, -0x7F00 };

        private static readonly string[] s_tlsTexts = ("cert not trusted (CA, host, date)|TLS too old (1.2 required)|no TLS answer: wrong port?|fatal alert"
            + "|closed in handshake: wrong port?|timed out|out of memory").Split('|');

        /// <summary>A socket error with an mbedTLS code is TLS; a break after CONNECT without a CONNACK this late is M2Mqtt's timeout (with a CONNACK: a refusal whose socket closed, or a stale exception).</summary>
        public static ConnectFailure Classify(ConnectFailure failure, int socketCode, int connackCode, long elapsedMs)
            => failure == ConnectFailure.Network && IsTlsCode(socketCode) ? ConnectFailure.Tls
                : failure == ConnectFailure.Communication && connackCode < 0 && elapsedMs >= ConnackTimeoutThresholdMs ? ConnectFailure.Timeout : failure;

        /// <summary>True for an mbedTLS TLS error, not a positive errno or an mbedTLS network code (-0x42 to -0x52, mbedtls/net_sockets.h).</summary>
        public static bool IsTlsCode(int code) => code < -0x52 || (code < 0 && code > -0x42);

        /// <summary>A short explanation of an mbedTLS code for the log, or null; nanoFramework passes no verify flags, so every failed certificate check is -0x2700 (TLS 1.0/1.1 only: -0x6E00, -0x7780; plaintext port: -0x7200, -0x7280; mbedtls/ssl.h).</summary>
        public static string Explain(int socketCode)
        {
            if (!IsTlsCode(socketCode))
                return null;
            for (int i = 0; i < s_tlsCodes.Length; i++)
            {
                if (s_tlsCodes[i] == socketCode)
                    return "tls -0x" + (-socketCode).ToString("X4") + ": " + s_tlsTexts[i];
            }

            return "tls error " + socketCode.ToString();
        }
    }
}
