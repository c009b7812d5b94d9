namespace TagoFirmware.Connection
{
    /// <summary>Derives a stable MQTT client id from the board's MAC address.</summary>
    public static class ClientIdentity
    {
        /// <summary><c>tago-</c> and the MAC's 12 lowercase hex digits (<c>tago-a4cf12e3b1c0</c>): stable (eFuse MAC), unique,
        /// topic-safe, 17 characters (MQTT 3.1.1 §3.1.3.1 guarantees 23); null for no or an all-zero MAC.</summary>
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
