namespace TagoFirmware.Connection
{
    /// <summary>Derives a stable MQTT client id from the board's MAC address.</summary>
    public static class ClientIdentity
    {
        /// <summary><c>tago-</c> + the eFuse MAC's 12 lowercase hex digits: stable, unique, topic-safe, 17 characters (MQTT 3.1.1 §3.1.3.1 allows 23); null for no or an all-zero MAC.</summary>
        public static string FromMac(byte[] mac)
        {
            if (mac == null || mac.Length != 6)
                return null;
            int any = 0;
            string id = "tago-";
            for (int i = 0; i < 6; i++)
            {
                any |= mac[i];
                id += mac[i].ToString("x2");
            }

            return any == 0 ? null : id;
        }
    }
}
