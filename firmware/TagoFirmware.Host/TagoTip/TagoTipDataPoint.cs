using System.Collections.Generic;

namespace TagoFirmware.Host.TagoTip
{
    /// <summary>One variable of a TagoTiP push as TagoIO would store it.</summary>
    /// <param name="Name">The variable name.</param>
    /// <param name="Type"><c>number</c>, <c>string</c>, <c>boolean</c> or <c>location</c>.</param>
    /// <param name="Value">The value as written (numbers and booleans) or decoded (strings).</param>
    /// <param name="Unit">The unit, or null.</param>
    /// <param name="Time">Unix milliseconds, or null (the server's arrival time).</param>
    /// <param name="Group">The group, or null.</param>
    /// <param name="Location">The location <c>lat,lng[,alt]</c>, or null.</param>
    /// <param name="Metadata">The frame's metadata merged with the variable's (the variable wins).</param>
    public sealed record TagoTipDataPoint(string Name, string Type, string Value, string Unit, long? Time, string Group, string Location,
        Dictionary<string, string> Metadata);
}
