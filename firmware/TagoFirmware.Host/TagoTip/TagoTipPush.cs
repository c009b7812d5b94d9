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
        /// <summary>Null when valid; otherwise the receipt's error code (<c>invalid_payload</c>, <c>payload_too_large</c>, or a judge's),
        /// or <c>lost</c>: stored, no receipt.</summary>
        public string Error { get; set; }
        /// <summary>The receipt (<c>[!N|]OK|n</c> or <c>[!N|]ERR|code</c>), or null for none.</summary>
        public string Ack => Error == "lost" ? null : (Sequence.HasValue ? "!" + Sequence.Value + "|" : string.Empty) + (Error == null ? "OK|" + Points.Count : "ERR|" + Error);
        /// <summary>True when the data points are stored.</summary>
        public bool Stored => Error is null or "lost";
    }
}
