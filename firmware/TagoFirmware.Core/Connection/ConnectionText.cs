namespace TagoFirmware.Connection
{
    /// <summary>
    /// The names the connection writes into its log lines. Explicit strings because nanoFramework's Enum.ToString
    /// prints the number.
    /// </summary>
    public static class ConnectionText
    {
        /// <summary>True for the CONNACK codes that mean "credentials refused": 4, 5 (MQTT 3.1.1 §3.2.2.3) and 0x86, 0x87 (MQTT 5 §3.2.2.2).</summary>
        /// <param name="code">A CONNACK return/reason code, or -1.</param>
        /// <returns>Whether the code refuses the credentials.</returns>
        public static bool IsCredentialsRefusal(int code)
        {
            return code == 4 || code == 5 || code == 0x86 || code == 0x87;
        }

        /// <summary>The stable name of a state, as it appears after "->" in log lines.</summary>
        /// <param name="state">The state.</param>
        /// <returns>Its name.</returns>
        public static string StateName(SessionState state)
        {
            switch (state)
            {
                case SessionState.ConfigInvalid:
                    return "ConfigInvalid";
                case SessionState.WifiDown:
                    return "WifiDown";
                case SessionState.WifiConnecting:
                    return "WifiConnecting";
                case SessionState.ClockWait:
                    return "ClockWait";
                case SessionState.MqttConnecting:
                    return "MqttConnecting";
                case SessionState.Online:
                    return "Online";
                case SessionState.Backoff:
                    return "Backoff";
                case SessionState.AuthFailed:
                    return "AuthFailed";
                case SessionState.Rebooting:
                    return "Rebooting";
                case SessionState.Stopping:
                    return "Stopping";
                case SessionState.Stopped:
                    return "Stopped";
                case SessionState.Idle:
                    return "Idle";
                case SessionState.Subscribing:
                    return "Subscribing";
                default:
                    return "Unknown";
            }
        }

        /// <summary>What a CONNACK refusal code means (MQTT 3.1.1 §3.2.2.3, MQTT 5 §3.2.2.2).</summary>
        /// <param name="code">The code.</param>
        /// <returns>A short description.</returns>
        public static string RefusalName(int code)
        {
            switch (code)
            {
                case 1:
                    return "unacceptable protocol version";
                case 2:
                    return "identifier rejected";
                case 3:
                    return "server unavailable";
                case 4:
                case 0x86:
                    return "bad user name or password";
                case 5:
                case 0x87:
                    return "not authorized";
                default:
                    return "reason " + code.ToString();
            }
        }

        /// <summary>The log name of a connect failure class.</summary>
        /// <param name="failure">The class.</param>
        /// <returns>A short name.</returns>
        public static string FailureName(ConnectFailure failure)
        {
            switch (failure)
            {
                case ConnectFailure.Dns:
                    return "dns";
                case ConnectFailure.Network:
                    return "network";
                case ConnectFailure.Tls:
                    return "tls/certificate";
                case ConnectFailure.Timeout:
                    return "timeout";
                case ConnectFailure.Communication:
                    return "communication";
                case ConnectFailure.Internal:
                    return "internal";
                case ConnectFailure.Protocol:
                    return "protocol";
                default:
                    return "unknown";
            }
        }
    }
}
