namespace TagoFirmware.Json
{
    /// <summary>Why <see cref="JsonReader"/> stopped: it never throws, it records the first error and its offset in <see cref="JsonReader.ErrorOffset"/>.</summary>
    public enum JsonError
    {
        /// <summary>No error.</summary>
        None = 0,

        /// <summary>The document ended inside a value, or was empty / only whitespace.</summary>
        UnexpectedEnd,

        /// <summary>A byte that cannot start a value here.</summary>
        UnexpectedCharacter,

        /// <summary>Something other than whitespace follows the single top-level value (RFC 8259 §2: one value).</summary>
        TrailingData,

        /// <summary>Objects and arrays are nested deeper than the reader's maximum depth.</summary>
        DepthExceeded,

        /// <summary>A backslash escape other than the eight of RFC 8259 §7, or a <c>\u</c> without four hex digits.</summary>
        InvalidEscape,

        /// <summary>A <c>\u</c> escape that is an unpaired UTF-16 surrogate.</summary>
        InvalidSurrogate,

        /// <summary>An unescaped control character (U+0000…U+001F) inside a string (RFC 8259 §7).</summary>
        ControlCharacterInString,

        /// <summary>A byte sequence in a string that is not well-formed UTF-8 (RFC 3629 §4; RFC 8259 §8.1).</summary>
        InvalidUtf8,

        /// <summary>A number that does not follow the RFC 8259 §6 grammar (e.g. <c>1.</c>, <c>.5</c>, <c>+1</c>, <c>1e</c>).</summary>
        InvalidNumber,

        /// <summary>A number with a leading zero such as <c>01</c> (RFC 8259 §6 forbids them).</summary>
        LeadingZero,

        /// <summary>A misspelt <c>true</c>, <c>false</c> or <c>null</c>.</summary>
        InvalidLiteral,

        /// <summary>An object member that does not start with a string name.</summary>
        ExpectedPropertyName,

        /// <summary>A member name not followed by <c>:</c>.</summary>
        ExpectedColon,

        /// <summary>A value inside an object or array not followed by <c>,</c> or the closing bracket.</summary>
        ExpectedCommaOrEnd,

        /// <summary>A <c>,</c> directly before <c>}</c> or <c>]</c>.</summary>
        TrailingComma,

        /// <summary>A closing bracket that does not match the open one (<c>[}</c>).</summary>
        MismatchedBracket,
    }
}
