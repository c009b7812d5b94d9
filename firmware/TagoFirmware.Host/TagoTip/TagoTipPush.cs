using System.Collections.Generic;

namespace TagoFirmware.Host.TagoTip
{
    /// <summary>A parsed TagoTiP push payload (its sequence number and data points, or the error code a server answers) and its judgement.</summary>
    public sealed class TagoTipPush
    {
        /// <summary>The <c>!N</c> of the payload, or null.</summary>
        public long? Sequence { get; set; }
        /// <summary>The data points, with the frame's time, group, location and metadata applied (§6.4).</summary>
        public List<TagoTipDataPoint> Points { get; } = new List<TagoTipDataPoint>();
        /// <summary>Null when valid; otherwise <c>invalid_payload</c> or <c>payload_too_large</c>.</summary>
        public string Error { get; set; }
        /// <summary>The receipt a judge sends (<c>[!N|]OK|n</c> or <c>[!N|]ERR|code</c>), or null for none.</summary>
        public string Ack { get; set; }
        /// <summary>True when a judge stored the data points.</summary>
        public bool Stored { get; set; }
    }
}
