namespace TagoFirmware.Diagnostics
{
    /// <summary>
    /// TagoIO variable names as pre-encoded bytes. TagoIO lowercases names and refuses spaces and
    /// <c>*?!&lt;&gt;.-=$</c>, with at most 100 characters (TagoIO data model docs); the firmware accepts the safe
    /// subset <c>[a-z0-9_]</c>, which is also plain ASCII, so encoding needs no System.Text (not in nanoFramework's
    /// mscorlib). Used at configuration time only.
    /// </summary>
    public static class VariableName
    {
        /// <summary>Longest variable name TagoIO accepts.</summary>
        public const int MaxLength = 100;

        /// <summary>True when <paramref name="name"/> is 1…100 characters of <c>a-z</c>, <c>0-9</c> and <c>_</c>.</summary>
        public static bool IsValid(string name)
        {
            if (name == null || name.Length == 0 || name.Length > MaxLength)
            {
                return false;
            }

            char[] chars = name.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (!IsValidChar(chars[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True for <c>a-z</c>, <c>0-9</c> and <c>_</c>.</summary>
        public static bool IsValidChar(char c)
        {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        }
    }
}
