namespace nanoFramework.Networking
{
    /// <summary>Surface of nanoFramework.Networking.Sntp's <c>Sntp</c> (the platform SNTP client; it syncs hourly).</summary>
    public static class Sntp
    {
        /// <summary>Whether the service runs.</summary>
        public static bool IsStarted => throw null;

        /// <summary>Primary server (default 0.pool.ntp.org).</summary>
        public static string Server1 { get => throw null; set => throw null; }

        /// <summary>Secondary server (default 1.pool.ntp.org).</summary>
        public static string Server2 { get => throw null; set => throw null; }

        /// <summary>Starts the service.</summary>
        public static void Start() => throw null;

        /// <summary>Stops the service.</summary>
        public static void Stop() => throw null;

        /// <summary>Restarts the service to sync now.</summary>
        public static void UpdateNow() => throw null;
    }
}
