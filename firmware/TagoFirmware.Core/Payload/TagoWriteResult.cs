namespace TagoFirmware.Payload
{
    /// <summary>Outcome of an <see cref="ItemWriter"/> call; anything but <see cref="Ok"/> rolled the item back.</summary>
    public enum TagoWriteResult
    {
        /// <summary>The call succeeded.</summary>
        Ok = 0,

        /// <summary>The variable name is null or not <c>[a-z0-9_]{1,100}</c> (TagoIO lowercases names and limits them to 100).</summary>
        InvalidVariable = 1,

        /// <summary>A scaled value or integer beyond ±(2^53 − 1): a JavaScript number (TagoIO) is not exact there.</summary>
        NumberTooLarge = 3,

        /// <summary>The requested number of decimals is outside 0–6.</summary>
        InvalidDecimals = 4,

        /// <summary>A text is null, not well-formed UTF-8 (RFC 3629), or holds a lone UTF-16 surrogate.</summary>
        InvalidString = 5,

        /// <summary>A string value is longer than 6000 UTF-8 bytes (TagoIO limits values to 6 kB).</summary>
        StringTooLong = 6,

        /// <summary>A unit is longer than 25 characters (TagoIO's limit; counted in UTF-16 code units).</summary>
        UnitTooLong = 7,

        /// <summary>A time after the year 9999, which <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> cannot spell.</summary>
        InvalidTime = 8,

        /// <summary>No payload is open (closed, or no TagoTiP frame begun); call <see cref="ItemWriter.Reset"/> to start one.</summary>
        PayloadClosed = 16,

        /// <summary>The item does not fit (the closing <c>]</c> always does): publish, then start a new payload for it.</summary>
        BufferFull = 17,
    }
}
