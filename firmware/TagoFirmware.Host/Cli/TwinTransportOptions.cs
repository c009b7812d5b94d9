using System;
using System.Globalization;
using TagoFirmware.Config;
using TagoFirmware.Host.TagoTip;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Host.Cli
{
    /// <summary>
    /// The twin's transport flags (<c>--transport</c>, <c>--serial</c>, <c>--auth-hash</c>, <c>--auth-token</c>,
    /// <c>--region</c>, <c>--min-session</c>, <c>--tip-fault</c>, <c>--check-credentials</c>) and the rule that picks the
    /// transport when <c>--transport</c> is not given. Error texts never repeat a hash or a token.
    /// </summary>
    public static class TwinTransportOptions
    {
        /// <summary>Environment variable holding a TagoTiP authorization hash or an <c>at…</c> token.</summary>
        public const string TipAuthVariable = "TAGO_TIP_AUTH";

        /// <summary>The TagoTiP transport's name.</summary>
        public const string TagoTip = "tagotip";

        /// <summary>The legacy JSON transport's name.</summary>
        public const string TagoMqttJson = "tago-mqtt-json";

        /// <summary>Seconds between TagoTiP sessions against the embedded server when neither --min-session nor a config sets it.</summary>
        public const int EmbeddedMinSessionSeconds = 15;

        /// <summary>Usage lines of these flags.</summary>
        public const string Usage =
            "  [--transport tagotip|tago-mqtt-json] [--serial S] [--auth-hash H | --auth-token at...] [--region us-e1|eu-w1]\n" +
            "  [--min-session SECONDS] [--tip-fault KIND[:P]] [--check-credentials]\n" +
            "  TagoTiP: the hash comes from --auth-hash, --auth-token (hashed here, never sent or printed) or env " + TipAuthVariable + "\n" +
            "  (a hash or an at... token). Without --transport, TagoTiP credentials pick tagotip, --token (or env\n" +
            "  TAGO_DEVICE_TOKEN) picks tago-mqtt-json, neither picks tagotip. --tip-fault (embedded server only):\n" +
            "  rate_limited, server_error, invalid_seq, invalid_payload or lost, with probability P (default 1).\n" +
            "  --min-session and the server's 10 s lifetime, 5 s idle close and rate limits are real time (not --time-scale).\n" +
            "  --check-credentials: one frame to the endpoint with --serial and the hash, a verdict, exit 0 (accepted) or 3.";

        /// <summary>Reads one transport flag.</summary>
        /// <param name="name">The flag.</param>
        /// <param name="value">Its value.</param>
        /// <param name="options">Options to fill.</param>
        /// <param name="error">Set to a message naming the flag when the value is bad.</param>
        /// <returns>False when <paramref name="name"/> is not a transport flag.</returns>
        public static bool TryRead(string name, string value, TwinOptions options, ref string error)
        {
            switch (name)
            {
                case "--transport":
                    if (value != TagoTip && value != TagoMqttJson)
                    {
                        error = "--transport must be " + TagoTip + " or " + TagoMqttJson + ", got '" + value + "'";
                    }

                    options.Transport = value;
                    return true;
                case "--serial":
                    if (!TagoTipCredentials.IsValidSerial(value))
                    {
                        error = "--serial must be 1 to 100 characters of A-Z a-z 0-9 _ - (the serial of the TagoTiP device), got '" + value + "'";
                    }

                    options.Serial = value;
                    return true;
                case "--auth-hash":
                    if (!TagoTipCredentials.IsValidHash(value))
                    {
                        error = "--auth-hash must be the 16 hexadecimal characters of the Authorization's hash (value not shown)";
                    }

                    SetHash(options, value, ref error);
                    return true;
                case "--auth-token":
                    if (!TagoTipAuthHash.IsToken(value))
                    {
                        error = "--auth-token must be an Authorization token: \"at\" and 32 hexadecimal characters (value not shown)";
                        return true;
                    }

                    SetHash(options, TagoTipAuthHash.FromToken(value), ref error);
                    return true;
                case "--region":
                    if (value != "us-e1" && value != "eu-w1")
                    {
                        error = "--region must be us-e1 or eu-w1, got '" + value + "'";
                    }

                    options.Region = value;
                    return true;
                case "--min-session":
                    if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seconds) || seconds < 1 || seconds > 86400)
                    {
                        error = "--min-session must be an integer from 1 to 86400 (real seconds between sessions), got '" + value + "'";
                    }

                    options.MinSessionSeconds = seconds;
                    return true;
                case "--tip-fault":
                    if (!TagoTipFault.TryParse(value, out TagoTipFault fault))
                    {
                        error = "--tip-fault must be KIND or KIND:P with KIND one of " + string.Join(", ", TagoTipFault.Kinds) + " and P from 0 to 1, got '" + value + "'";
                    }

                    options.TipFault = fault;
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Picks the transport when <c>--transport</c> was not given (flags first: TagoTiP flags pick <c>tagotip</c>,
        /// <c>--token</c> the legacy one, both are an error; then the environment: <see cref="TipAuthVariable"/> before
        /// <c>TAGO_DEVICE_TOKEN</c>), and takes the hash from <see cref="TipAuthVariable"/> when no flag gave one.
        /// Runs before the environment's device token is applied.
        /// </summary>
        /// <param name="options">Parsed options.</param>
        /// <param name="environmentTipAuth">Value of <see cref="TipAuthVariable"/>, or null.</param>
        /// <param name="environmentToken">Value of <c>TAGO_DEVICE_TOKEN</c>, or null.</param>
        /// <param name="error">Set on a contradiction or a bad environment value.</param>
        public static void Resolve(TwinOptions options, string environmentTipAuth, string environmentToken, ref string error)
        {
            bool tipFlags = options.Serial != null || options.AuthHash != null;
            bool envTip = !string.IsNullOrEmpty(environmentTipAuth);
            if (options.Transport == null)
            {
                if (tipFlags && options.Token != null)
                {
                    error = "TagoTiP credentials and a device token were both given: choose with --transport " + TagoTip + " or " + TagoMqttJson;
                    return;
                }

                // Nothing at all: null leaves the choice to the --config file (whose own rule is the same), else tagotip.
                options.Transport = tipFlags ? TagoTip : options.Token != null ? TagoMqttJson
                    : envTip ? TagoTip : !string.IsNullOrEmpty(environmentToken) ? TagoMqttJson : null;
            }

            if (options.AuthHash == null && envTip)
            {
                options.AuthHash = TagoTipAuthHash.FromTokenOrHash(environmentTipAuth.Trim());
                if (options.AuthHash == null)
                {
                    error = TipAuthVariable + " must hold an Authorization hash (16 hexadecimal characters) or token (\"at\" and 32 hexadecimal characters); value not shown";
                    return;
                }
            }

            if (options.CheckCredentials && (options.Transport == TagoMqttJson || options.Serial == null || options.AuthHash == null))
            {
                error = "--check-credentials needs --serial and --auth-hash, --auth-token or " + TipAuthVariable + " (TagoTiP only)";
            }
            else if (options.TipFault != null && options.Broker != null)
            {
                error = "--tip-fault works with the embedded TagoTiP server only (no --broker)";
            }
        }

        /// <summary>Puts the transport and the TagoTiP values of this run into the node configuration.</summary>
        /// <param name="config">The node configuration.</param>
        /// <param name="options">Parsed options.</param>
        /// <param name="tip">True for TagoTiP.</param>
        /// <param name="serial">The serial (the session's client id).</param>
        /// <param name="hash">The authorization hash.</param>
        public static void Apply(NodeConfig config, TwinOptions options, bool tip, string serial, string hash)
        {
            config.Transport = tip ? TransportNames.TagoTip : TransportNames.TagoMqttJson;
            if (!tip)
            {
                return;
            }

            config.TagoTip.Serial = serial;
            config.TagoTip.AuthHash = hash;
            config.TagoTip.Region = options.Region ?? config.TagoTip.Region;
            if (options.MinSessionSeconds > 0)
            {
                config.TagoTip.MinSessionSeconds = options.MinSessionSeconds;
            }
            else if (options.Broker == null && options.FileConfig == null)
            {
                // The twin's own default for its embedded server, like its 12 s interval and batch 2: a session every
                // 15 s shows data soon and stays under the server's 5 subscription requests a minute.
                config.TagoTip.MinSessionSeconds = EmbeddedMinSessionSeconds;
            }
        }

        private static void SetHash(TwinOptions options, string hash, ref string error)
        {
            if (options.AuthHash != null && error == null)
            {
                error = "give the TagoTiP authorization once: --auth-hash or --auth-token";
            }

            options.AuthHash = hash?.ToLowerInvariant();
        }
    }
}
