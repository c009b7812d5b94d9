using System.Collections.Generic;

namespace TagoFirmware.Host.TagoTip
{
    /// <summary>One variable of a TagoTiP push as TagoIO would store it.</summary>
    public sealed class TagoTipDataPoint
    {
        /// <summary>The variable name.</summary>
        public string Name { get; set; }
        /// <summary><c>number</c>, <c>string</c>, <c>boolean</c> or <c>location</c>.</summary>
        public string Type { get; set; }
        /// <summary>The value as written (numbers and booleans) or decoded (strings).</summary>
        public string Value { get; set; }
        /// <summary>The unit, or null.</summary>
        public string Unit { get; set; }
        /// <summary>Unix milliseconds, or null (the server's arrival time).</summary>
        public long? Time { get; set; }
        /// <summary>The group, or null.</summary>
        public string Group { get; set; }
        /// <summary>The location <c>lat,lng[,alt]</c>, or null.</summary>
        public string Location { get; set; }
        /// <summary>The frame's metadata merged with the variable's (the variable wins).</summary>
        public Dictionary<string, string> Metadata { get; set; }
    }
}
