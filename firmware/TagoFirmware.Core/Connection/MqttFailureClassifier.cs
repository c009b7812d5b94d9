using TagoFirmware.Connection;

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

        /// <summary>Classifies one failed attempt.</summary>
        /// <param name="error">What the library threw.</param>
        /// <param name="socketCode">For <see cref="ConnectError.Socket"/>: the socket error code, else 0.</param>
        /// <param name="connackCode">The CONNACK code the library reported during the attempt, or -1.</param>
        /// <param name="elapsedMs">Milliseconds from starting the CONNECT to the failure.</param>
        /// <returns>The failure class (the supervisor turns a credentials CONNACK into a refusal on its own).</returns>
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
        /// <param name="code">The SocketException error code.</param>
        /// <returns>Whether the TLS handshake, not the network, failed.</returns>
        public static bool IsTlsCode(int code)
        {
            return code < -0x52 || (code < 0 && code > -0x42);
        }

        /// <summary>
        /// A short explanation of a failure for the log, or null when the class says it all. On the device a failed
        /// certificate check is one mbedTLS code, -0x2700 (MBEDTLS_ERR_X509_CERT_VERIFY_FAILED, mbedtls/x509.h): its
        /// verify flags (which would tell an expired certificate from a foreign CA) are not passed up by nanoFramework,
        /// so the text names every cause. A server whose TLS is too old gives -0x6E00 (ssl.h, "protocol version") when
        /// it answers with TLS 1.0/1.1, or -0x7780 (a fatal alert) when it refuses our 1.2 first; a plaintext port gives
        /// -0x7200 (an invalid record) or -0x7280 (closed during the handshake).
        /// </summary>
        /// <param name="error">What the library threw.</param>
        /// <param name="socketCode">The socket error code, or 0.</param>
        /// <returns>The text (never contains request data).</returns>
        public static string Explain(ConnectError error, int socketCode)
        {
            switch (error)
            {
                case ConnectError.CertificateExpired:
                    return "tls: server certificate expired or not yet valid (or the clock is wrong)";
                case ConnectError.TlsVersion:
                    return "tls: the server's TLS version is too old (TLS 1.2 required)";
                case ConnectError.NotTls:
                    return "tls: the server did not answer TLS: wrong port?";
                case ConnectError.Socket:
                    break;
                default:
                    return null;
            }

            if (!IsTlsCode(socketCode))
            {
                return null;
            }

            switch (socketCode)
            {
                case -0x2700:
                    return "tls -0x2700: cert not trusted (CA, host, date)";
                case -0x6E00:
                    return "tls -0x6E00: the server's TLS version is too old (TLS 1.2 required)";
                case -0x7200:
                    return "tls -0x7200: the server did not answer TLS: wrong port?";
                case -0x7780:
                    return "tls -0x7780: fatal alert (server refused TLS 1.2, cipher or cert)";
                case -0x7280:
                    return "tls -0x7280: closed in handshake: wrong port?";
                case -0x6800:
                    return "tls -0x6800: timed out";
                case -0x7F00:
                    return "tls -0x7F00: out of memory";
                default:
                    return "tls error " + socketCode.ToString();
            }
        }
    }
}
