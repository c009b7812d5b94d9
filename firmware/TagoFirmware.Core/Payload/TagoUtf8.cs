namespace TagoFirmware.Payload
{
    /// <summary>
    /// Turns configuration strings (variable names, units, metadata keys, sensor ids) into the UTF-8 <c>byte[]</c>
    /// the <see cref="TagoJsonWriter"/> hot path takes, once, when the configuration is loaded. Works without
    /// System.Text's Encoding, so the core needs no extra package on the device.
    /// </summary>
    /// <remarks>
    /// It walks the string once through <see cref="string.ToCharArray()"/> (one temporary char[]): on nanoFramework a
    /// string is stored as UTF-8 and <c>s[i]</c> walks it from the start, so indexing per character would be
    /// quadratic. Meant for configuration time, not for every reading.
    /// </remarks>
    public static class TagoUtf8
    {
        /// <summary>
        /// Encodes <paramref name="text"/> as UTF-8 (RFC 3629). Returns null if <paramref name="text"/> is null or
        /// holds a lone UTF-16 surrogate, which has no UTF-8 form.
        /// </summary>
        /// <param name="text">The text to encode.</param>
        /// <returns>The UTF-8 bytes, or null.</returns>
        public static byte[] GetBytes(string text)
        {
            if (text == null)
            {
                return null;
            }

            char[] chars = text.ToCharArray();
            int utf8Length;
            if (JsonText.MeasureChars(chars, out utf8Length) < 0)
            {
                return null;
            }

            byte[] bytes = new byte[utf8Length];
            JsonText.WriteChars(chars, bytes, 0, false);
            return bytes;
        }
    }
}
