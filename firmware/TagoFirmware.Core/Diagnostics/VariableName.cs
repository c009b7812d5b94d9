using TagoFirmware.Payload;

namespace TagoFirmware.Diagnostics
{
    /// <summary>TagoIO variable names (lowercased, no spaces or <c>*?!&lt;&gt;.-=$</c>, ≤ 100 characters, TagoIO data model
    /// docs); the firmware accepts ASCII <c>[a-z0-9_]</c>.</summary>
    public static class VariableName
    {
        /// <summary>True when <paramref name="name"/> is 1…100 characters of <c>a-z</c>, <c>0-9</c> and <c>_</c>.</summary>
        public static bool IsValid(string name) => JsonText.IsName(TagoUtf8.GetBytes(name));
    }
}
