using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using static TagoFirmware.Host.TagoTip.TagoTipLexer;

namespace TagoFirmware.Host.TagoTip
{
    /// <summary>
    /// An independent reader of TagoTiP PUSH payloads as MQTT carries them (<c>[!N|]BODY</c>), written from the
    /// specification (TagoTiP 1.0 revision D, §4.4, §4.5, §6, §12.2, §14; https://github.com/tago-io/tagotip) and
    /// not from the firmware's writer, so the tests can check one against the other. The twin's TagoTiP server
    /// uses it to accept or refuse frames as TagoIO would.
    /// </summary>
    /// <remarks>
    /// Strict where the firmware promises a safe subset: printable ASCII only (the spec lets servers refuse other
    /// UTF-8), and the codec's cap of 512 metadata pairs per frame. Body-level and variable-level location (revision D)
    /// are read, so a frame the firmware never writes is still judged as a revision D server would.
    /// </remarks>
    public static class TagoTipFrameParser
    {
        /// <summary>Largest payload, in bytes (§4.5).</summary>
        public const int MaxFrameBytes = 16384;

        /// <summary>UNITCHAR (§14) is printable ASCII less these; a comma is allowed in a unit.</summary>
        private static readonly char[] s_unitStops = "|[];{}#@^\\".ToCharArray();

        /// <summary>Parses one push payload. Never throws.</summary>
        /// <param name="payload">The MQTT payload bytes.</param>
        /// <returns>The data points with inheritance applied, or the error code the server would answer.</returns>
        public static TagoTipPush Parse(byte[] payload)
        {
            var push = new TagoTipPush();
            try
            {
                ParseInto(payload ?? Array.Empty<byte>(), push);
            }
            catch (FormatException ex)
            {
                push.Error = ex.Message;
                push.Points.Clear();
            }

            return push;
        }

        private static void ParseInto(byte[] payload, TagoTipPush push)
        {
            int length = payload.Length;
            if (length > 0 && payload[length - 1] == (byte)'\n')
            {
                length--;
            }

            if (length > MaxFrameBytes)
            {
                throw new FormatException("payload_too_large");
            }

            string text;
            try
            {
                text = new UTF8Encoding(false, true).GetString(payload, 0, length);
            }
            catch (ArgumentException)
            {
                throw Invalid();
            }

            foreach (char c in text)
            {
                if (c < 0x20 || c > 0x7E)
                {
                    throw Invalid();
                }
            }

            int at = 0;
            if (text.StartsWith('!'))
            {
                int bar = text.IndexOf('|');
                if (bar < 0)
                {
                    throw Invalid();
                }

                string digits = text.Substring(1, bar - 1);
                if (!IsCounter(digits))
                {
                    throw Invalid();
                }

                push.Sequence = long.Parse(digits, CultureInfo.InvariantCulture);
                at = bar + 1;
            }

            string body = text.Substring(at);
            if (body.StartsWith(">x", StringComparison.Ordinal) || body.StartsWith(">b", StringComparison.Ordinal))
            {
                CheckPassthrough(body);
                push.Passthrough = true;
                return;
            }

            int open = IndexOfUnescaped(body, '[', 0);
            if (open < 0 || IndexOfUnescaped(body, ']', open + 1) != body.Length - 1)
            {
                throw Invalid();
            }

            var defaults = new TagoTipDataPoint { Metadata = new Dictionary<string, string>() };
            ParseBodyModifiers(body.Substring(0, open), defaults);
            List<string> variables = SplitUnescaped(body.Substring(open + 1, body.Length - open - 2), ';');
            if (variables.Count == 0 || variables.Count > 100)
            {
                throw Invalid();
            }

            int metadataPairs = defaults.Metadata.Count;
            foreach (string variable in variables)
            {
                TagoTipDataPoint point = ParseVariable(variable);
                metadataPairs += point.Metadata.Count;
                point.Time ??= defaults.Time;
                point.Group ??= defaults.Group;
                if (point.Type != "location")
                {
                    point.Location ??= defaults.Location;
                }

                var merged = new Dictionary<string, string>(defaults.Metadata);
                foreach (KeyValuePair<string, string> pair in point.Metadata)
                {
                    merged[pair.Key] = pair.Value;
                }

                point.Metadata = merged;
                push.Points.Add(point);
            }

            if (metadataPairs > 512)
            {
                throw Invalid();
            }
        }

        private static void ParseBodyModifiers(string mods, TagoTipDataPoint defaults)
        {
            int i = 0;
            if (mods.StartsWith("@=", StringComparison.Ordinal))
            {
                int end = NextOf(mods, 2, "@^{");
                defaults.Location = Location(mods.Substring(2, end - 2));
                i = end;
            }

            if (i < mods.Length && mods[i] == '@')
            {
                int end = NextOf(mods, i + 1, "^{");
                defaults.Time = Timestamp(mods.Substring(i + 1, end - i - 1));
                i = end;
            }

            if (i < mods.Length && mods[i] == '^')
            {
                int end = NextOf(mods, i + 1, "{");
                defaults.Group = Identifier(mods.Substring(i + 1, end - i - 1));
                i = end;
            }

            if (i < mods.Length && mods[i] == '{')
            {
                if (!mods.EndsWith('}') || IndexOfUnescaped(mods, '}', i) != mods.Length - 1)
                {
                    throw Invalid();
                }

                defaults.Metadata = MetadataBlock(mods.Substring(i + 1, mods.Length - i - 2));
                i = mods.Length;
            }

            if (i != mods.Length)
            {
                // A modifier out of order, repeated, or unknown.
                throw Invalid();
            }
        }

        private static TagoTipDataPoint ParseVariable(string variable)
        {
            int n = 0;
            while (n < variable.Length && IsNameChar(variable[n]))
            {
                n++;
            }

            var point = new TagoTipDataPoint { Name = Identifier(variable.Substring(0, n)), Metadata = new Dictionary<string, string>() };
            string rest = variable.Substring(n);
            string op = rest.StartsWith(":=", StringComparison.Ordinal) ? ":="
                : rest.StartsWith("?=", StringComparison.Ordinal) ? "?="
                : rest.StartsWith("@=", StringComparison.Ordinal) ? "@="
                : rest.StartsWith('=') ? "=" : throw Invalid();
            int i = op.Length;
            int valueEnd = NextOf(rest, i, "#@^{");
            string raw = rest.Substring(i, valueEnd - i);
            switch (op)
            {
                case ":=":
                    point.Type = "number";
                    point.Value = Number(raw);
                    break;
                case "?=":
                    point.Type = "boolean";
                    point.Value = raw == "true" || raw == "false" ? raw : throw Invalid();
                    break;
                case "@=":
                    point.Type = "location";
                    point.Location = Location(raw);
                    point.Value = raw;
                    break;
                default:
                    point.Type = "string";
                    point.Value = Unescape(raw, false);
                    break;
            }

            i = valueEnd;
            if (i < rest.Length && rest[i] == '#')
            {
                int end = NextOf(rest, i + 1, "@^{");
                string unit = rest.Substring(i + 1, end - i - 1);
                if (op == "@=" || unit.Length == 0 || unit.Length > 25 || unit.IndexOfAny(s_unitStops) >= 0)
                {
                    throw Invalid();
                }

                point.Unit = unit;
                i = end;
            }

            if (i + 1 < rest.Length && rest[i] == '@' && rest[i + 1] == '=')
            {
                int end = NextOf(rest, i + 2, "@^{");
                point.Location = op == "@=" ? throw Invalid() : Location(rest.Substring(i + 2, end - i - 2));
                i = end;
            }

            if (i < rest.Length && rest[i] == '@')
            {
                int end = NextOf(rest, i + 1, "^{");
                point.Time = Timestamp(rest.Substring(i + 1, end - i - 1));
                i = end;
            }

            if (i < rest.Length && rest[i] == '^')
            {
                int end = NextOf(rest, i + 1, "{");
                point.Group = Identifier(rest.Substring(i + 1, end - i - 1));
                i = end;
            }

            if (i < rest.Length && rest[i] == '{')
            {
                if (IndexOfUnescaped(rest, '}', i) != rest.Length - 1)
                {
                    throw Invalid();
                }

                point.Metadata = MetadataBlock(rest.Substring(i + 1, rest.Length - i - 2));
                i = rest.Length;
            }

            if (i != rest.Length)
            {
                throw Invalid();
            }

            return point;
        }

        private static Dictionary<string, string> MetadataBlock(string inner)
        {
            List<string> pairs = SplitUnescaped(inner, ',');
            if (pairs.Count == 0 || pairs.Count > 32)
            {
                throw Invalid();
            }

            var result = new Dictionary<string, string>();
            foreach (string pair in pairs)
            {
                int eq = pair.IndexOf('=');
                if (eq < 0)
                {
                    throw Invalid();
                }

                // Later keys win, as a merge would.
                result[Identifier(pair.Substring(0, eq))] = Unescape(pair.Substring(eq + 1), true);
            }

            return result;
        }
    }
}
