using System;
using System.Net.Sockets;
using nanoFramework.M2Mqtt.Exceptions;
using TagoFirmware.Session;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// Maps what nanoFramework.M2Mqtt 5.1.220 throws from <c>new MqttClient(...)</c> and <c>Connect(...)</c> to the
    /// core's <see cref="ConnectFailure"/> classes (shared/reference/m2mqtt-behaviour.md, observed on a real broker).
    /// Pure: looks only at the exception objects, the CONNACK code seen and the elapsed time; never reads messages
    /// (an exception text may quote CONNECT fields).
    /// </summary>
    public static class MqttFailureClassifier
    {
        /// <summary>
        /// M2Mqtt waits <c>MqttSettings.ConnectTimeout</c> (30 000 ms, not tunable) for the CONNACK. A
        /// MqttCommunicationException without a CONNACK that comes this close to it is that timeout; one that comes
        /// sooner is the connection breaking during the exchange (or a stale exception of the previous connection).
        /// </summary>
        public const int ConnackTimeoutThresholdMs = 25000;

        /// <summary>Classifies a constructor exception: the constructor's only network step is DNS.</summary>
        /// <param name="ex">What the MqttClient constructor threw.</param>
        /// <returns><see cref="ConnectFailure.Dns"/>, or Internal for an out-of-memory condition.</returns>
        public static ConnectFailure ClassifyConstructor(Exception ex)
        {
            return ex is OutOfMemoryException ? ConnectFailure.Internal : ConnectFailure.Dns;
        }

        /// <summary>Classifies an exception thrown by <c>Connect</c>.</summary>
        /// <param name="ex">The exception.</param>
        /// <param name="connackCode">The CONNACK return code <c>ConnectionOpened</c> showed during this attempt, or -1.</param>
        /// <param name="elapsedMs">Milliseconds from calling Connect to the exception.</param>
        /// <returns>The failure class; the core turns a non-zero <paramref name="connackCode"/> into a refusal.</returns>
        public static ConnectFailure ClassifyConnect(Exception ex, int connackCode, long elapsedMs)
        {
            if (ex is MqttConnectionException)
            {
                // M2Mqtt wraps everything _channel.Connect() throws (TCP connect, then the TLS handshake).
                Exception inner = ex.InnerException;
                if (inner is SocketException)
                {
                    // Broker down or unreachable: "connection refused", host unreachable, reset.
                    return ConnectFailure.Network;
                }

                if (inner is ArgumentException)
                {
                    // An SslProtocols value the platform cannot map (SSLv3, TLS 1.0/1.1): a wiring bug, not the network.
                    return ConnectFailure.Internal;
                }

                // CryptographicException from mbedTLS (wrong CA, host name not in the certificate, expired certificate,
                // unset clock), or any other non-socket failure during the handshake.
                return ConnectFailure.Tls;
            }

            if (ex is SocketException)
            {
                return ConnectFailure.Network;
            }

            if (IsCryptographic(ex))
            {
                return ConnectFailure.Tls;
            }

            if (ex is MqttTimeoutException)
            {
                return ConnectFailure.Timeout;
            }

            if (ex is MqttCommunicationException)
            {
                if (connackCode >= 0)
                {
                    // A CONNACK arrived: either a refusal whose socket closed under Connect (mosquitto, wrong token:
                    // code 5) or M2Mqtt's stale exception on an accepted reconnect (code 0). The core decides.
                    return ConnectFailure.Communication;
                }

                return elapsedMs >= ConnackTimeoutThresholdMs ? ConnectFailure.Timeout : ConnectFailure.Communication;
            }

            return ConnectFailure.Internal;
        }

        /// <summary>
        /// True for System.Security.Cryptography.CryptographicException, matched by name: the type ships in
        /// nanoFramework.System.Net only in recent versions, so the app does not bind to it at compile time.
        /// </summary>
        private static bool IsCryptographic(Exception ex)
        {
            return ex != null && ex.GetType().Name == "CryptographicException";
        }
    }
}
