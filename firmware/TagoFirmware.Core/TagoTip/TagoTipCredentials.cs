using TagoFirmware.Config;

namespace TagoFirmware.TagoTip
{
    /// <summary>A TagoTiP device's MQTT identity: serial and 16-hex hash, checked once, and the credentials and topics from them (TagoTiP 1.0 §2, §14; docs/tagotip/transports/mqtt.md in https://github.com/tago-io/docs).</summary>
    public sealed class TagoTipCredentials
    {
        /// <summary>Longest serial, in characters.</summary>
        public const int MaxSerialLength = 100;
        /// <summary>Characters in an authorization hash.</summary>
        public const int HashLength = 16;

        private TagoTipCredentials(string serial, string hash)
        {
            Serial = serial;
            UserName = hash.Substring(0, 8);
            Password = hash.Substring(8, 8);
            PushTopic = "$tip/" + serial + "/push";
            AckTopic = "$tip/" + serial + "/ack";
        }

        /// <summary>The device's serial; also the MQTT client id.</summary>
        public readonly string Serial;
        /// <summary>MQTT user name: the hash's first 8 hex characters.</summary>
        public readonly string UserName;
        /// <summary>MQTT password: the hash's last 8 hex characters (secret).</summary>
        public readonly string Password;
        /// <summary><c>$tip/{serial}/push</c>: data frames.</summary>
        public readonly string PushTopic;
        /// <summary><c>$tip/{serial}/ack</c>: receipts and commands, subscribed at QoS 1.</summary>
        public readonly string AckTopic;

        /// <summary>True if <paramref name="serial"/> is 1–100 characters of <c>[A-Za-z0-9_-]</c>.</summary>
        public static bool IsValidSerial(string serial) => serial != null && serial.Length >= 1 && serial.Length <= MaxSerialLength && ConfigText.Only(serial, "_-", true);
        /// <summary>True if <paramref name="hash"/> is exactly 16 hexadecimal characters (either case).</summary>
        public static bool IsValidHash(string hash) => hash != null && hash.Length == HashLength && ConfigText.IsHex(hash);

        /// <summary>The credentials (hash lower-cased), or null when either value is invalid.</summary>
        public static TagoTipCredentials Create(string serial, string hash)
            => IsValidSerial(serial) && IsValidHash(hash) ? new TagoTipCredentials(serial, hash.ToLower()) : null;
    }
}
