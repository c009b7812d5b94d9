namespace TagoFirmware.Connection
{
    /// <summary>
    /// Turns what a client library threw during a connect attempt (<see cref="ConnectError"/>, translated by the
    /// adapter) into the supervisor's <see cref="ConnectFailure"/>. Pure; the rules were found on real brokers.
    /// </summary>
    public static class MqttFailureClassifier
    {
        /// <summary>
        /// M2Mqtt waits 30 000 ms (not tunable) for the CONNACK and then throws the same exception as a broken
        /// connection; one that comes this late without a CONNACK is that timeout.
        /// </summary>
        public const int ConnackTimeoutThresholdMs = 25000;

        // mbedTLS codes (x509.h, ssl.h) and what they mean here.
        private static readonly int[] s_tlsCodes = { -0x2700, -0x6E00, -0x7200, -0x7780, -0x7280, -0x6800, -0x7F00 };

        private static readonly string[] s_tlsTexts =
        {
            "cert not trusted (CA, host, date)", "TLS too old (1.2 required)", "no TLS answer: wrong port?", "fatal alert",
            "closed in handshake: wrong port?", "timed out", "out of memory",
        };

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
                    // With a CONNACK seen this is a refusal whose socket closed under Connect, or M2Mqtt's stale
                    // exception on an accepted reconnect: the supervisor decides from the code.
                    return connackCode < 0 && elapsedMs >= ConnackTimeoutThresholdMs ? ConnectFailure.Timeout : ConnectFailure.Communication;
                default:
                    return ConnectFailure.Internal;
            }
        }

        /// <summary>
        /// True when a socket error code is an mbedTLS error: nanoFramework's native TLS connect raises the negative
        /// mbedTLS code (mbedtls/x509.h, ssl.h), a plain socket failure a positive errno-style one. mbedTLS's own
        /// network module codes (-0x42 to -0x52, mbedtls/net_sockets.h) are socket failures too.
        /// </summary>
        public static bool IsTlsCode(int code) => code < -0x52 || (code < 0 && code > -0x42);

        /// <summary>
        /// A short explanation of a failure for the log, or null when the class says it all. On the device a failed
        /// certificate check is one mbedTLS code, -0x2700 (MBEDTLS_ERR_X509_CERT_VERIFY_FAILED, mbedtls/x509.h):
        /// nanoFramework does not pass its verify flags up, so an expired certificate cannot be told from a foreign CA
        /// there (the twin's adapter says which, with the dates). A server whose TLS is too old gives -0x6E00 (ssl.h,
        /// bad protocol version) when it answers with TLS 1.0/1.1, or -0x7780 (fatal alert) when it refuses 1.2 first;
        /// a plaintext port gives -0x7200 (invalid record) or -0x7280 (connection closed in the handshake).
        /// </summary>
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
                // "tls -0x2700: ..." as mbedTLS writes its codes; device strings are kept short, so the code is formatted.
                if (s_tlsCodes[i] == socketCode)
                    return (error == ConnectError.Socket ? "tls -0x" + Hex4(-socketCode) : "tls") + ": " + s_tlsTexts[i];
            }

            return "tls error " + socketCode.ToString();
        }

        private static string Hex4(int value)
        {
            char[] digits = new char[4];
            for (int i = 3; i >= 0; i--)
            {
                digits[i] = "0123456789ABCDEF"[value & 0xF];
                value >>= 4;
            }

            return new string(digits);
        }
    }
}
