using System.Collections;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Config
{
    /// <summary>
    /// The rules of the <c>transport</c> key and what each transport needs: the legacy device token, or TagoTiP's
    /// serial, authorization hash and session limits. Secrets are described by their length only, never shown.
    /// </summary>
    internal static class TransportValidator
    {
        /// <summary>TagoIO's Free plan allows 5 subscription requests a minute per profile, shared by its devices, and
        /// every session makes one (TagoIO docs, docs/tagotip/servers/rate-limits.md in https://github.com/tago-io/docs).</summary>
        private const int OneSessionAMinute = 60;

        /// <summary>Longest client id MQTT 3.1 obliges a broker to accept (MQTT 3.1 §3.1, "Client Identifier").</summary>
        private const int Mqtt31ClientIdLength = 23;

        internal static void Validate(NodeConfig config, ArrayList issues)
        {
            string transport = config.Transport;
            if (transport == TransportNames.TagoMqttJson)
            {
                ValidateToken(config.Token, issues);
            }
            else if (transport == TransportNames.TagoTip)
            {
                ValidateTagoTip(config, issues);
            }
            else
            {
                NodeConfigValidator.Error(issues, "transport", "\"" + transport + "\" is not allowed: use tagotip or tago-mqtt-json");
            }

            MqttConfig m = config.Mqtt;
            if (m.Protocol == null)
            {
                NodeConfigValidator.Error(issues, "mqtt.protocol", "must be auto, 3.1.1, 5 or 3.1");
            }
            else if (m.ProtocolLevel == 3 && m.EffectiveClientId(null) != null && m.EffectiveClientId(null).Length > Mqtt31ClientIdLength)
            {
                NodeConfigValidator.Error(issues, "mqtt.protocol", "3.1 allows client ids of at most 23 characters; it has "
                    + m.EffectiveClientId(null).Length);
            }
        }

        private static void ValidateToken(string token, ArrayList issues)
        {
            if (token == null || token.Length == 0)
            {
                NodeConfigValidator.Error(issues, "token", "is required by the tago-mqtt-json transport: the device token from TagoIO"
                    + " (Devices -> your device -> Token); flash.ps1 can insert it with -Token or TAGO_DEVICE_TOKEN");
            }
            else if (ConfigText.IsPlaceholderToken(token))
            {
                NodeConfigValidator.Error(issues, "token", "is the all-zeros placeholder of the example file: put the device's real"
                    + " token here (or pass it with flash.ps1 -Token / TAGO_DEVICE_TOKEN)");
            }
            else if (!ConfigText.IsPlausibleToken(token))
            {
                NodeConfigValidator.Error(issues, "token", "does not look like a TagoIO device token (32 hex digits, usually written"
                    + " 8-4-4-4-12 with hyphens); it has " + token.Length + " characters");
            }
        }

        private static void ValidateTagoTip(NodeConfig config, ArrayList issues)
        {
            TagoTipConfig t = config.TagoTip;
            if (t.Region == null)
            {
                NodeConfigValidator.Error(issues, "tagotip.region", "must be us-e1 or eu-w1");
            }

            string serial = t.Serial;
            if (serial == null || serial.Length == 0)
            {
                NodeConfigValidator.Error(issues, "tagotip.serial", "is required by tagotip: the device's Serial Number in TagoIO");
            }
            else if (!TagoTipCredentials.IsValidSerial(serial))
            {
                NodeConfigValidator.Error(issues, "tagotip.serial", "must be 1-100 characters of A-Z a-z 0-9 _ -; it has " + serial.Length);
            }

            // The hash grants access to every device of its profile: say what is wrong with it, never what it is.
            string hash = t.AuthHash;
            if (hash == null || hash.Length == 0)
            {
                NodeConfigValidator.Error(issues, "tagotip.auth_hash", "is required by tagotip: the Authorization's 16-hex hash (flash.ps1"
                    + " -AuthHash, -AuthToken or TAGO_TIP_AUTH)");
            }
            else if (hash.Length > 2 && hash[0] == 'a' && hash[1] == 't' && hash.Length != TagoTipCredentials.HashLength)
            {
                NodeConfigValidator.Error(issues, "tagotip.auth_hash", "looks like the at... token: put its 16-hex hash here (flash.ps1"
                    + " -AuthToken derives it)");
            }
            else if (hash.Length != TagoTipCredentials.HashLength || !NodeConfigValidator.IsHex(hash) || hash.ToLower() != hash)
            {
                NodeConfigValidator.Error(issues, "tagotip.auth_hash", "must be 16 lowercase hex digits; it has " + hash.Length + " characters");
            }

            if (t.TtlSeconds != 10 && t.TtlSeconds != 15 && t.TtlSeconds != NodeConfigParser.ReportedInvalid)
            {
                NodeConfigValidator.Error(issues, "tagotip.ttl_s", "must be 10 (Free, Starter) or 15 (Scale); got " + t.TtlSeconds);
            }

            if (t.MinSessionSeconds >= 1 && t.MinSessionSeconds < OneSessionAMinute)
            {
                NodeConfigValidator.Warning(issues, "tagotip.min_session_s", "allows over one session a minute; TagoIO allows 5 (Free), 50 or 100"
                    + " subscriptions a minute per profile");
            }

            if (config.Mqtt.ClientId != null)
            {
                NodeConfigValidator.Warning(issues, "mqtt.client_id", "is unused by tagotip (the serial is the client id)");
            }

            if (config.Token != null && config.Token.Length > 0)
            {
                NodeConfigValidator.Warning(issues, "token", "is unused by tagotip");
            }

            // Variable names are already held to [a-z0-9_], 1-100 characters, which is TagoTiP's identifier rule
            // (TagoTiP 1.0 §14); units are fixed ("°C" is written "C", "%"), all within its ASCII 1-25 bytes.
        }
    }
}
