namespace TagoFirmware.TagoTip
{
    /// <summary>
    /// A TagoTiP device's identity on MQTT: its serial and its profile's 16-hex authorization hash, checked once,
    /// with the MQTT user name and password and the two topics derived from them (TagoTiP 1.0 §2, §14 and TagoIO's
    /// MQTT transport page, https://github.com/tago-io/docs docs/tagotip/transports/mqtt.md).
    /// </summary>
    /// <remarks>
    /// The hash is a secret for this firmware (it grants access to every device of its profile): it is never
    /// logged, and <see cref="ToString"/> shows only the serial. The <c>at…</c> Authorization token it comes from is
    /// never on the device; the PC derives the hash (SHA-256 of the token without <c>at</c>, first 8 bytes).
    /// </remarks>
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
        public string Serial { get; private set; }

        /// <summary>MQTT user name: the hash's first 8 hex characters.</summary>
        public string UserName { get; private set; }

        /// <summary>MQTT password: the hash's last 8 hex characters (secret).</summary>
        public string Password { get; private set; }

        /// <summary><c>$tip/{serial}/push</c>: data frames.</summary>
        public string PushTopic { get; private set; }

        /// <summary><c>$tip/{serial}/ack</c>: receipts and commands, subscribed at QoS 1.</summary>
        public string AckTopic { get; private set; }

        /// <summary>True if <paramref name="serial"/> is 1–100 characters of <c>[A-Za-z0-9_-]</c>.</summary>
        /// <param name="serial">The serial.</param>
        /// <returns>Whether TagoTiP accepts it.</returns>
        public static bool IsValidSerial(string serial)
        {
            return Matches(serial, 1, MaxSerialLength, false);
        }

        /// <summary>True if <paramref name="hash"/> is exactly 16 hexadecimal characters (either case).</summary>
        /// <param name="hash">The authorization hash.</param>
        /// <returns>Whether it has the shape of a hash.</returns>
        public static bool IsValidHash(string hash)
        {
            return Matches(hash, HashLength, HashLength, true);
        }

        /// <summary>Checks both values and derives the MQTT credentials and topics; the hash is lower-cased.</summary>
        /// <param name="serial">The device serial.</param>
        /// <param name="hash">The authorization hash.</param>
        /// <returns>The credentials, or null when either value is invalid.</returns>
        public static TagoTipCredentials Create(string serial, string hash)
        {
            if (!IsValidSerial(serial) || !IsValidHash(hash))
            {
                return null;
            }

            return new TagoTipCredentials(serial, hash.ToLower());
        }

        /// <summary>The serial only: the hash is a secret.</summary>
        /// <returns>A description safe for logs.</returns>
        public override string ToString()
        {
            return "serial " + Serial;
        }

        private static bool Matches(string text, int min, int max, bool hex)
        {
            if (text == null || text.Length < min || text.Length > max)
            {
                return false;
            }

            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                    || (!hex && ((c >= 'g' && c <= 'z') || (c >= 'G' && c <= 'Z') || c == '_' || c == '-'));
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
