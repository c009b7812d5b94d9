namespace TagoFirmware.Connection
{
    /// <summary>Derives a stable MQTT client id from the board's MAC address.</summary>
    public static class ClientIdentity
    {
        /// <summary>
        /// Returns <c>tago-</c> followed by the 12 lowercase hex digits of <paramref name="mac"/>, e.g.
        /// <c>tago-a4cf12e3b1c0</c>: the same on every boot (the ESP32 MAC is burnt into eFuse), unique per board,
        /// 17 characters (MQTT 3.1.1 §3.1.3.1 only guarantees 23) and made of topic-safe characters.
        /// </summary>
        public static string FromMac(byte[] mac)
        {
            if (mac == null || mac.Length != 6)
                return null;
            bool allZero = true;
            char[] chars = new char[12];
            for (int i = 0; i < 6; i++)
            {
                int b = mac[i];
                allZero &= b == 0;
                chars[2 * i] = "0123456789abcdef"[b >> 4];
                chars[(2 * i) + 1] = "0123456789abcdef"[b & 0x0F];
            }

            return allZero ? null : "tago-" + new string(chars);
        }
    }
}
