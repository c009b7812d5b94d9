using TagoFirmware.Payload;

namespace TagoFirmware.TagoTip
{
    /// <summary>TagoTiP 1.0 character rules (§4.4 escaping; §14 VALCHAR, METAVALCHAR, UNITCHAR) as one class table.</summary>
    internal static class TagoTipSyntax
    {
        private const byte ClassUnit = 2;
        private const byte ClassText = 4;
        private const byte ClassEscape = 8;

        private static readonly byte[] s_class = BuildClasses();

        /// <summary>Copies a unit without its degree sign (UTF-8 C2 B0); returns its length, 0 if invalid; measures only without a destination.</summary>
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

        /// <summary>Writes <paramref name="text"/> escaped per §4.4 at <paramref name="p"/>, below <paramref name="limit"/>; returns the end, or minus the error.</summary>
        internal static int Escape(byte[] text, byte[] buffer, int p, int limit)
        {
            if (text == null || text.Length == 0)
            {
                return -(int)TagoWriteResult.InvalidString;
            }

            // Bytes past the committed length are scratch, so write first and give up when the room runs out.
            for (int i = 0; i < text.Length; i++)
            {
                if (p >= limit)
                {
                    return -(int)TagoWriteResult.BufferFull;
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
                        return -(int)TagoWriteResult.InvalidString;
                    }

                    buffer[p++] = (byte)'\\';
                }

                buffer[p++] = b;
            }

            return p;
        }

        /// <summary>True when <paramref name="a"/> equals <paramref name="b"/>[offset..offset+length).</summary>
        internal static bool SameBytes(byte[] a, byte[] b, int offset, int length)
        {
            if (a.Length != length)
            {
                return false;
            }

            // From the end: group ids of different cycles differ in their last digits.
            for (int i = length - 1; i >= 0; i--)
            {
                if (a[i] != b[offset + i])
                {
                    return false;
                }
            }

            return true;
        }

        private static byte[] BuildClasses()
        {
            // VALCHAR, METAVALCHAR and UNITCHAR (§14): printable ASCII less the structural characters; ',' separates
            // metadata pairs but is plain text in units.
            byte[] table = new byte[128];
            for (int c = 0x20; c < 0x7F; c++)
            {
                table[c] = "|[];,{}#@^\\".IndexOf((char)c) >= 0 ? ClassEscape : (byte)(ClassUnit | ClassText);
            }

            table[','] |= ClassUnit;
            return table;
        }
    }
}
