using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Host.TagoTip
{
    /// <summary>A TagoTiP push payload (its sequence number and data points, or the error code a server answers) and its judgement; <see cref="Parse"/>
    /// reads it from the specification, not the firmware's writer.</summary>
    /// <remarks>TagoTiP 1.0 revision D §4.4, §4.5, §6, §12.2, §14 (https://github.com/tago-io/tagotip). Stricter where the
    /// firmware promises a subset: printable ASCII only and at most 512 metadata pairs a frame (the codec's cap).</remarks>
    public sealed class TagoTipPush
    {
        /// <summary>The <c>!N</c> of the payload, or null.</summary>
        public long? Sequence { get; set; }
        /// <summary>The data points, with the frame's time, group, location and metadata applied (§6.4).</summary>
        public List<TagoTipDataPoint> Points { get; } = new List<TagoTipDataPoint>();
        /// <summary>Null when valid; otherwise the receipt's error code (<c>invalid_payload</c>, <c>payload_too_large</c>, or a judge's),
        /// or <c>lost</c>: stored, no receipt.</summary>
        public string Error { get; set; }
        /// <summary>The receipt (<c>[!N|]OK|n</c> or <c>[!N|]ERR|code</c>), or null for none.</summary>
        public string Ack => Error == "lost" ? null : (Sequence.HasValue ? "!" + Sequence.Value + "|" : string.Empty) + (Error == null ? "OK|" + Points.Count : "ERR|" + Error);
        /// <summary>True when the data points are stored.</summary>
        public bool Stored => Error is null or "lost";

        // The §14 grammar. A value escapes |[];,{}#@^\ and newline (§4.4); a bare comma is text in a value but
        // separates metadata pairs; a unit is printable ASCII less the structural characters but with ','.
        private const string Escape = @"\\[n|\[\];,{}#@^\\]";
        private const string Number = @"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?";
        private const string Location = Number + "," + Number + "(?:," + Number + ")?";
        private const string Identifier = "[a-z0-9_]{1,100}";
        private const string Pair = "(?<key>" + Identifier + ")=(?<meta>(?:" + Escape + @"|[^|\[\];,{}#@^\\])+)";

        // The suffixes a body and a variable share, in their only order: [@=LOCATION] @TIME ^GROUP {META} (§6).
        private const string Modifiers = @"(?:@(?<time>[0-9]{1,18}))?(?:\^(?<group>" + Identifier + @"))?(?:\{(?:" + Pair + ",){0,31}" + Pair + @"\})?";

        private static readonly Regex s_frame = new Regex(@"^(?:!(?<seq>0|[1-9][0-9]{0,9})\|)?(?<body>(?:>(?:x(?:[0-9A-Fa-f]{2})+|b[A-Za-z0-9+/=]+)|(?:@=(?<loc>"
            + Location + "))?" + Modifiers + @"\[(?:(?<var>(?:\\.|[^;\]\\])*);)*(?<var>(?:\\.|[^;\]\\])*)\])\z)?");
        private static readonly Regex s_variable = new Regex("^(?<name>" + Identifier + ")(?:@=(?<location>" + Location + @")|(?::=(?<number>" + Number
            + @")|\?=(?<boolean>true|false)|=(?<string>(?:" + Escape + @"|[^|\[\];{}#@^\\])+))(?:#(?<unit>[^|\[\];{}#@^\\]{1,25}))?(?:@=(?<loc>" + Location + "))?)"
            + Modifiers + @"\z");
        private static readonly string[] s_types = { "number", "boolean", "string", "location" };

        /// <summary>Parses one push payload: the points with inheritance applied, or the error code a server answers. Never throws.</summary>
        public static TagoTipPush Parse(byte[] payload)
        {
            var push = new TagoTipPush();
            payload ??= [];
            int length = payload.Length - (payload.Length > 0 && payload[^1] == '\n' ? 1 : 0);
            if (length > TagoTipWriter.MaxFrameBytes) // §4.5
            {
                push.Error = "payload_too_large";
                return push;
            }

            string text = Encoding.Latin1.GetString(payload, 0, length);
            Match frame = text.All(c => c is >= ' ' and <= '~') ? s_frame.Match(text) : Match.Empty;
            push.Sequence = frame.Groups["seq"].Success ? long.Parse(frame.Groups["seq"].Value, CultureInfo.InvariantCulture) : null;
            if (push.Sequence > uint.MaxValue)
            {
                push.Sequence = null;
                frame = Match.Empty;
            }

            // A receipt echoes a readable !N even when the body is invalid.
            List<Match> variables = frame.Groups["var"].Captures.Select(c => s_variable.Match(c.Value)).ToList();
            if (!frame.Groups["body"].Success || variables.Count > TagoTipWriter.MaxVariables || !variables.All(v => v.Success)
                || variables.Sum(v => v.Groups["key"].Captures.Count) + frame.Groups["key"].Captures.Count > 512)
            {
                push.Error = "invalid_payload";
                return push;
            }

            Dictionary<string, string> defaults = Metadata(frame, new Dictionary<string, string>());
            foreach (Match v in variables)
            {
                string type = s_types.First(t => v.Groups[t].Success), value = v.Groups[type].Value;
                push.Points.Add(new TagoTipDataPoint(v.Groups["name"].Value, type, type == "string" ? Unescape(value) : value, Optional(v, "unit"),
                    Time(v) ?? Time(frame), Optional(v, "group") ?? Optional(frame, "group"),
                    type == "location" ? value : Optional(v, "loc") ?? Optional(frame, "loc"), Metadata(v, defaults)));
            }

            return push;
        }

        // The frame's metadata, then the match's pairs in order: later keys win, as a merge would.
        private static Dictionary<string, string> Metadata(Match m, Dictionary<string, string> inherited)
        {
            var metadata = new Dictionary<string, string>(inherited);
            CaptureCollection keys = m.Groups["key"].Captures, values = m.Groups["meta"].Captures;
            for (int i = 0; i < keys.Count; i++)
            {
                metadata[keys[i].Value] = Unescape(values[i].Value);
            }

            return metadata;
        }

        private static string Unescape(string raw) => Regex.Replace(raw, @"\\(.)", e => e.Groups[1].Value == "n" ? "\n" : e.Groups[1].Value);

        private static string Optional(Match m, string group) => m.Groups[group].Success ? m.Groups[group].Value : null;

        private static long? Time(Match m) => m.Groups["time"].Success ? long.Parse(m.Groups["time"].Value, CultureInfo.InvariantCulture) : null;
    }
}
