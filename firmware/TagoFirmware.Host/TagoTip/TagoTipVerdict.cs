namespace TagoFirmware.Host.TagoTip
{
    /// <summary>What a TagoTiP server makes of one push.</summary>
    public sealed class TagoTipVerdict
    {
        /// <summary>The ack payload (<c>[!N|]OK|n</c> or <c>[!N|]ERR|code</c>), or null when no receipt is sent.</summary>
        public string Ack { get; set; }
        /// <summary>True when the data points were stored.</summary>
        public bool Stored { get; set; }
        /// <summary>The parsed frame.</summary>
        public TagoTipPush Push { get; set; }
    }
}
