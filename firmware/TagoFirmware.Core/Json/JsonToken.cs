namespace TagoFirmware.Json
{
    /// <summary>The kind of token <see cref="JsonReader"/> stands on after a successful <see cref="JsonReader.Read"/>.</summary>
    public enum JsonToken
    {
        /// <summary>No token yet (before the first <see cref="JsonReader.Read"/>), or after the end or an error.</summary>
        None = 0,

        /// <summary><c>{</c></summary>
        StartObject,

        /// <summary><c>}</c></summary>
        EndObject,

        /// <summary><c>[</c></summary>
        StartArray,

        /// <summary><c>]</c></summary>
        EndArray,

        /// <summary>A member name of an object; the value follows with the next <see cref="JsonReader.Read"/>.</summary>
        PropertyName,

        /// <summary>A string value.</summary>
        String,

        /// <summary>A number value (RFC 8259 §6 grammar).</summary>
        Number,

        /// <summary><c>true</c></summary>
        True,

        /// <summary><c>false</c></summary>
        False,

        /// <summary><c>null</c></summary>
        Null,
    }
}
