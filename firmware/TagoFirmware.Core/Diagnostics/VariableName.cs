namespace TagoFirmware.Diagnostics
{
    /// <summary>TagoIO variable names (lowercased, no spaces or <c>*?!&lt;&gt;.-=$</c>, ≤ 100 characters, TagoIO data model
    /// docs); the firmware accepts ASCII <c>[a-z0-9_]</c>, so encoding needs no System.Text.</summary>
    public static class VariableName
    {
        /// <summary>True when <paramref name="name"/> is 1…100 characters of <c>a-z</c>, <c>0-9</c> and <c>_</c>.</summary>
        public static bool IsValid(string name)
        {
            if (name == null || name.Length == 0 || name.Length > 100)
            {
                return false;
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
