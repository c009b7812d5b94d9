namespace TagoFirmware.Payload
{
    /// <summary>A constant text (name, unit) checked and JSON-escaped once, so writing it is one block copy.</summary>
    public sealed class TagoText
    {
        private TagoText(byte[] json, int utf16Length, bool isName)
        {
            Json = json;
            Utf16Length = utf16Length;
            IsName = isName;
        }

        // Fields rather than properties: on the interpreter every property read is a call.

        /// <summary>The text escaped per RFC 8259, as UTF-8, without quotes.</summary>
        internal readonly byte[] Json;

        /// <summary>Length in UTF-16 code units (what JavaScript's <c>length</c> counts: TagoIO's unit limit).</summary>
        internal readonly int Utf16Length;

        /// <summary>True when the text is a valid variable name: <c>[a-z0-9_]{1,100}</c>.</summary>
        internal readonly bool IsName;

        /// <summary>Checks and escapes UTF-8 text (copied, so later changes to the array do not matter).</summary>
        public static TagoText From(byte[] utf8)
        {
            int units = 0;
            int escaped = utf8 == null ? -1 : JsonText.MeasureUtf8(utf8, out units);
            if (escaped < 0)
            {
                return null;
            }

            byte[] json = new byte[escaped];
            JsonText.WriteUtf8(utf8, escaped, json, 0);
            return new TagoText(json, units, JsonText.IsName(utf8));
        }

        /// <summary>Encodes, checks and escapes a text.</summary>
        public static TagoText From(string text) => From(TagoUtf8.GetBytes(text));
    }
}
