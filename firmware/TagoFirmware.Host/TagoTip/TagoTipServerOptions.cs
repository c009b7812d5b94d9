namespace TagoFirmware.Host.TagoTip
{
    /// <summary>How the twin's TagoTiP server behaves; defaults are TagoIO's Free/Starter figures (TagoIO docs, rate-limits.md).</summary>
    public sealed class TagoTipServerOptions
    {
        /// <summary>The device serial to accept; null generates one.</summary>
        public string Serial { get; set; }
        /// <summary>The authorization hash to accept; null generates one (never printed).</summary>
        public string Hash { get; set; }
        /// <summary>Connection lifetime in seconds (Free/Starter 10, Scale 15).</summary>
        public double LifetimeSeconds { get; set; } = 10;
        /// <summary>Idle seconds after which the connection is closed.</summary>
        public double IdleSeconds { get; set; } = 5;
        /// <summary>Subscription requests per minute for the profile (Free 5, Starter 50, Scale 100).</summary>
        public int SubscriptionsPerMinute { get; set; } = 5;
        /// <summary>A fault to inject into receipts, or null.</summary>
        public TagoTipFault Fault { get; set; }
        /// <summary>Seed for the fault's dice.</summary>
        public int Seed { get; set; } = 1;
        /// <summary>True (default) for a TLS listener; false for plain TCP.</summary>
        public bool Tls { get; set; } = true;
    }
}
