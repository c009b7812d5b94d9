namespace TagoFirmware.TagoTip
{
    /// <summary>
    /// The character rules of TagoTiP 1.0 (§4.4 escaping, §14 grammar: NAME, VALCHAR, METAVALCHAR, UNITCHAR,
    /// https://github.com/tago-io/tagotip) as one 128-entry class table, for <see cref="TagoTipWriter"/> and
    /// <see cref="TagoTipToken"/>.
    /// </summary>
    internal static class TagoTipSyntax
    {
        private const byte ClassName = 1;
        private const byte ClassUnit = 2;
        private const byte ClassText = 4;
        private const byte ClassEscape = 8;

        private static readonly byte[] s_class = BuildClasses();

        /// <summary>True for <c>[a-z0-9_]{1,100}</c>: a variable, group or metadata-key name.</summary>
        internal static bool IsValidName(byte[] name)
        {
            if (name == null || name.Length == 0 || name.Length > TagoTipWriter.MaxNameBytes)
            {
                return false;
            }

            for (int i = 0; i < name.Length; i++)
            {
                if (name[i] >= 0x80 || (s_class[name[i]] & ClassName) == 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Copies a unit, dropping the degree sign (UTF-8 C2 B0); returns its length, or 0 if invalid. With a null
        /// destination it only measures.
        /// </summary>
        internal static int CopyUnit(byte[] unit, byte[] destination, int p)
        {
            int count = 0;
            for (int i = 0; i < unit.Length; i++)
            {
                byte b = unit[i];
                if (b == 0xC2 && i + 1 < unit.Length && unit[i + 1] == 0xB0)
                {
                    i++;
                    continue;
                }

                if (b >= 0x80 || (s_class[b] & ClassUnit) == 0 || count == TagoTipWriter.MaxUnitBytes)
                {
                    return 0;
                }

                if (destination != null)
                {
                    destination[p + count] = b;
                }

                count++;
            }

            return count;
        }

        /// <summary>Writes <paramref name="open"/>key=value (the value escaped); returns the end, or minus the error.</summary>
        internal static int Pair(byte open, byte[] key, byte[] value, byte[] buffer, int p, int limit)
        {
            if (!IsValidName(key))
            {
                return -(int)TagoTipResult.InvalidName;
            }

            if (p + key.Length + 2 > limit)
            {
                return -(int)TagoTipResult.FrameFull;
            }

            buffer[p++] = open;
            System.Array.Copy(key, 0, buffer, p, key.Length);
            p += key.Length;
            buffer[p++] = (byte)'=';
            return Escape(value, buffer, p, limit - 1);
        }

        /// <summary>
        /// Writes <paramref name="text"/> escaped per §4.4 into <paramref name="buffer"/> at <paramref name="p"/>, never
        /// at or past <paramref name="limit"/>; returns the end, or minus the <see cref="TagoTipResult"/>.
        /// </summary>
        internal static int Escape(byte[] text, byte[] buffer, int p, int limit)
        {
            if (text == null || text.Length == 0)
            {
                return -(int)TagoTipResult.InvalidText;
            }

            // Bytes past the committed length are scratch, so write first and give up when the room runs out.
            for (int i = 0; i < text.Length; i++)
            {
                if (p >= limit)
                {
                    return -(int)TagoTipResult.FrameFull;
                }

                byte b = text[i];
                byte c = b < 0x80 ? s_class[b] : (byte)0;
                if ((c & ClassText) == 0)
                {
                    if (b == 0x0A)
                    {
                        b = (byte)'n';
                    }
                    else if ((c & ClassEscape) == 0)
                    {
                        return -(int)TagoTipResult.InvalidText;
                    }

                    buffer[p++] = (byte)'\\';
                }

                buffer[p++] = b;
            }

            return p;
        }

        /// <summary>True when <paramref name="a"/> equals the first <paramref name="length"/> bytes of <paramref name="b"/>.</summary>
        internal static bool SameBytes(byte[] a, byte[] b, int length)
        {
            if (a.Length != length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static byte[] BuildClasses()
        {
            // VALCHAR, METAVALCHAR and UNITCHAR of the grammar (§14): printable ASCII less the structural characters.
            byte[] table = new byte[128];
            for (int c = 0x20; c < 0x7F; c++)
            {
                table[c] = ClassUnit | ClassText;
            }

            for (int c = 'a'; c <= 'z'; c++)
            {
                table[c] |= ClassName;
            }

            for (int c = '0'; c <= '9'; c++)
            {
                table[c] |= ClassName;
            }

            table['_'] |= ClassName;
            byte[] structural = { (byte)'|', (byte)'[', (byte)']', (byte)';', (byte)',', (byte)'{', (byte)'}', (byte)'#', (byte)'@', (byte)'^', (byte)'\\' };
            for (int i = 0; i < structural.Length; i++)
            {
                table[structural[i]] = ClassEscape;
            }

            // ',' separates metadata pairs but is plain text in units (UNITCHAR includes it).
            table[','] |= ClassUnit;
            return table;
        }
    }
}
