namespace TagoFirmware.Commands
{
    /// <summary>Why a downlink command was refused. Stable values: they appear in log lines and tests.</summary>
    public enum CommandError
    {
        /// <summary>Accepted.</summary>
        None = 0,
        /// <summary>The topic is not one level below the configured command prefix.</summary>
        TopicMismatch = 1,
        /// <summary>The last topic level is not a known command.</summary>
        UnknownCommand = 2,
        /// <summary>The payload is larger than <see cref="CommandParser.MaxPayloadBytes"/>.</summary>
        PayloadTooLarge = 3,
        /// <summary>The payload is not one well-formed JSON document.</summary>
        MalformedJson = 4,
        /// <summary>A setting command carries no value (empty payload, empty array, item without variable or value, or an array that does not set the topic's own variable).</summary>
        MissingValue = 5,
        /// <summary>A value has the wrong type: not an integer number nor a string of 1…9 decimal digits.</summary>
        InvalidValue = 6,
        /// <summary>An array item names a variable other than <c>interval</c> or <c>batch</c>.</summary>
        UnknownVariable = 7,
        /// <summary>The same variable (or the same member of an item) appears twice.</summary>
        DuplicateVariable = 8,
        /// <summary>The interval is below the minimum the read pipelines need.</summary>
        IntervalBelowMinimum = 9,
        /// <summary>A value is outside its range (interval above 86400 s or below 1; batch outside 1…100).</summary>
        OutOfRange = 10,
    }
}
