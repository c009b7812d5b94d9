using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace TagoFirmware.Host.TagoTip
{
    /// <summary>
    /// An independent reader of TagoTiP PUSH payloads as MQTT carries them (<c>[!N|]BODY</c>), written from the
    /// specification (TagoTiP 1.0 revision D, §4.4, §4.5, §6, §12.2, §14; https://github.com/tago-io/tagotip), not from
    /// the firmware's writer, so tests can check one against the other; the twin's server judges frames with it.
    /// </summary>
    /// <remarks>
    /// Stricter than the spec where the firmware promises a subset: printable ASCII only (servers may refuse other
    /// UTF-8) and at most 512 metadata pairs a frame (the codec's cap). Revision D locations are read too.
    /// </remarks>
    public static class TagoTipFrameParser
    {
        /// <summary>Largest payload, in bytes (§4.5).</summary>
        public const int MaxFrameBytes = 16384;

        // Characters escaped in a value (§4.4); UNITCHAR (§14) is printable ASCII less these but with ','.
        private const string Structural = "|[];,{}#@^\\";
        private static readonly Regex s_number = new Regex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?\z");
        private static readonly Regex s_identifier = new Regex(@"^[a-z0-9_]{1,100}\z");
        private static readonly Regex s_timestamp = new Regex(@"^[0-9]{1,18}\z");
        private static readonly Regex s_counter = new Regex(@"^(0|[1-9][0-9]{0,9})\z");
        private static readonly Regex s_passthrough = new Regex(@"^>(x([0-9A-Fa-f]{2})+|b[A-Za-z0-9+/=]+)\z");

        /// <summary>Parses one push payload: the points with inheritance applied, or the error code a server answers. Never throws.</summary>
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

            Check(text.All(c => c >= 0x20 && c <= 0x7E));

            int at = 0;
            if (text.StartsWith('!'))
            {
                int bar = text.IndexOf('|');
                Check(bar > 0);
                string digits = text.Substring(1, bar - 1);
                Check(s_counter.IsMatch(digits) && ulong.Parse(digits, CultureInfo.InvariantCulture) <= uint.MaxValue);
                push.Sequence = long.Parse(digits, CultureInfo.InvariantCulture);
                at = bar + 1;
            }

            string body = text.Substring(at);
            if (body.StartsWith('>'))
            {
                Check(s_passthrough.IsMatch(body));
                return;
            }

            int open = NextOf(body, 0, "[");
            Check(open < body.Length && NextOf(body, open + 1, "]") == body.Length - 1);
            var defaults = new TagoTipDataPoint { Metadata = new Dictionary<string, string>() };
            Modifiers(body.Substring(0, open), 0, defaults, true);
            List<string> variables = Split(body.Substring(open + 1, body.Length - open - 2), ';');
            Check(variables.Count <= 100);
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

                point.Metadata = defaults.Metadata.Concat(point.Metadata).GroupBy(pair => pair.Key).ToDictionary(g => g.Key, g => g.Last().Value); // the variable wins
                push.Points.Add(point);
            }

            Check(metadataPairs <= 512);
        }

        private static TagoTipDataPoint ParseVariable(string variable)
        {
            int n = 0;
            while (n < variable.Length && (char.IsAsciiLetterLower(variable[n]) || char.IsAsciiDigit(variable[n]) || variable[n] == '_'))
            {
                n++;
            }

            var point = new TagoTipDataPoint { Name = Match(s_identifier, variable.Substring(0, n)), Metadata = new Dictionary<string, string>() };
            string rest = variable.Substring(n);
            string op = rest.StartsWith(":=", StringComparison.Ordinal) ? ":="
                : rest.StartsWith("?=", StringComparison.Ordinal) ? "?="
                : rest.StartsWith("@=", StringComparison.Ordinal) ? "@="
                : rest.StartsWith('=') ? "=" : throw Invalid();
            int i = NextOf(rest, op.Length, "#@^{");
            string raw = rest.Substring(op.Length, i - op.Length);
            switch (op)
            {
                case ":=":
                    point.Type = "number";
                    point.Value = Match(s_number, raw);
                    break;
                case "?=":
                    point.Type = "boolean";
                    Check(raw == "true" || raw == "false");
                    point.Value = raw;
                    break;
                case "@=":
                    point.Type = "location";
                    point.Value = point.Location = Location(raw);
                    break;
                default:
                    point.Type = "string";
                    point.Value = Unescape(raw, false);
                    break;
            }

            if (i < rest.Length && rest[i] == '#')
            {
                int end = NextOf(rest, i + 1, "@^{");
                string unit = rest.Substring(i + 1, end - i - 1);
                Check(op != "@=" && unit.Length > 0 && unit.Length <= 25 && unit.IndexOfAny("|[];{}#@^\\".ToCharArray()) < 0);
                point.Unit = unit;
                i = end;
            }

            Modifiers(rest, i, point, op != "@=");
            return point;
        }

        // The suffixes a body and a variable share, in their only order: @=LOCATION, @TIME, ^GROUP, {META} (§6).
        private static void Modifiers(string s, int i, TagoTipDataPoint point, bool location)
        {
            if (location && string.CompareOrdinal(s, i, "@=", 0, 2) == 0)
            {
                int end = NextOf(s, i + 2, "@^{");
                point.Location = Location(s.Substring(i + 2, end - i - 2));
                i = end;
            }

            if (i < s.Length && s[i] == '@')
            {
                int end = NextOf(s, i + 1, "^{");
                point.Time = long.Parse(Match(s_timestamp, s.Substring(i + 1, end - i - 1)), CultureInfo.InvariantCulture);
                i = end;
            }

            if (i < s.Length && s[i] == '^')
            {
                int end = NextOf(s, i + 1, "{");
                point.Group = Match(s_identifier, s.Substring(i + 1, end - i - 1));
                i = end;
            }

            if (i < s.Length && s[i] == '{')
            {
                Check(NextOf(s, i, "}") == s.Length - 1);
                List<string> pairs = Split(s.Substring(i + 1, s.Length - i - 2), ',');
                Check(pairs.Count <= 32);
                foreach (string pair in pairs)
                {
                    int eq = pair.IndexOf('=');
                    Check(eq >= 0);

                    // Later keys win, as a merge would.
                    point.Metadata[Match(s_identifier, pair.Substring(0, eq))] = Unescape(pair.Substring(eq + 1), true);
                }

                i = s.Length;
            }

            // Anything left is a modifier out of order, repeated or unknown.
            Check(i == s.Length);
        }

        private static string Unescape(string raw, bool metadata)
        {
            Check(raw.Length > 0);
            var sb = new StringBuilder(raw.Length);
            for (int i = 0; i < raw.Length; i++)
            {
                char c = raw[i];
                if (c == '\\')
                {
                    Check(i + 1 < raw.Length && (raw[i + 1] == 'n' || Structural.Contains(raw[i + 1])));
                    c = raw[++i] == 'n' ? '\n' : raw[i];
                }
                else
                {
                    // A bare comma is text in a value but separates metadata pairs.
                    Check(!Structural.Contains(c) || (c == ',' && !metadata));
                }

                sb.Append(c);
            }

            return sb.ToString();
        }

        private static string Location(string raw)
        {
            string[] parts = raw.Split(',');
            Check(parts.Length is 2 or 3 && parts.All(s_number.IsMatch));
            return raw;
        }

        private static string Match(Regex pattern, string raw)
        {
            Check(pattern.IsMatch(raw));
            return raw;
        }

        // Index of the first unescaped character of stops at or after from, or the length.
        private static int NextOf(string s, int from, string stops)
        {
            for (int i = from; i < s.Length; i++)
            {
                if (s[i] == '\\')
                {
                    i++;
                }
                else if (stops.Contains(s[i]))
                {
                    return i;
                }
            }

            return s.Length;
        }

        private static List<string> Split(string s, char separator)
        {
            var parts = new List<string>();
            for (int start = 0; ; )
            {
                int i = NextOf(s, start, separator.ToString());
                parts.Add(s.Substring(start, i - start));
                if (i >= s.Length)
                {
                    return parts;
                }

                start = i + 1;
            }
        }

        private static void Check(bool valid)
        {
            if (!valid)
            {
                throw Invalid();
            }
        }

        private static FormatException Invalid() => new FormatException("invalid_payload");
    }
}
