namespace nanoFramework.Json
{
    /// <summary>Deserialisation options.</summary>
    public class JsonSerializerOptions
    {
        /// <summary>Creates default options.</summary>
        public JsonSerializerOptions() => throw null;

        /// <summary>Match property names ignoring case (3-5x slower).</summary>
        public bool PropertyNameCaseInsensitive { get => throw null; set => throw null; }

        /// <summary>Throw on a JSON member with no matching property.</summary>
        public bool ThrowExceptionWhenPropertyNotFound { get => throw null; set => throw null; }
    }
}
