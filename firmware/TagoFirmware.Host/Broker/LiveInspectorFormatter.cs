using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using TagoFirmware.Host.TagoTip;

namespace TagoFirmware.Host.Broker
{
    /// <summary>Formats incoming data the way TagoIO's Live Inspector lists it: one line per reading or data point.</summary>
    public static class LiveInspectorFormatter
    {
        /// <summary>One line per reading of a TagoIO JSON payload, or one "not TagoIO JSON" line (never throws).</summary>
        public static string[] Format(string topic, byte[] payload)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(payload);
                JsonElement root = document.RootElement;
                return root.ValueKind switch
                {
                    JsonValueKind.Object => [Reading(topic, root)],
                    JsonValueKind.Array => root.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.Object
                        ? Reading(topic, item) : Prefix(topic) + "not a data object: " + item.GetRawText()).ToArray(),
                    _ => [Prefix(topic) + "not TagoIO JSON (expected an array of objects)"],
                };
            }
            catch (JsonException ex)
            {
                return [Prefix(topic) + "not TagoIO JSON (" + ex.Message + "), " + payload.Length + " bytes"];
            }
        }

        /// <summary>One line for a stored TagoTiP data point of <paramref name="serial"/>.</summary>
        public static string Format(string serial, TagoTipDataPoint point)
        {
            string time = !point.Time.HasValue ? Iso(DateTime.UtcNow) + " (server time)"
                : Iso(point.Time.Value <= 253402300799999L ? DateTime.UnixEpoch.AddMilliseconds(point.Time.Value) : DateTime.UtcNow);
            string metadata = point.Metadata.Count > 0 ? "{" + string.Join(",", point.Metadata.Select(p => p.Key + "=" + p.Value)) + "}" : null;
            return Line(serial, point.Name, point.Type == "string" ? "\"" + point.Value.Replace("\n", "\\n") + "\"" : point.Value,
                point.Unit, time, point.Group, point.Location, metadata);
        }

        private static string Reading(string topic, JsonElement reading) => Line(topic, Text(reading, "variable"), Text(reading, "value"), Text(reading, "unit"),
            Text(reading, "time") ?? "(broker time " + Iso(DateTime.UtcNow) + ")", Text(reading, "group") ?? Text(reading, "serie"), null, Text(reading, "metadata"));

        private static string Line(string source, string variable, string value, string unit, string time, string group, string location, string metadata) =>
            Prefix(source) + "variable=" + variable + "  value=" + value + string.Concat(new[] { ("unit", unit), ("time", time), ("group", group), ("location", location), ("metadata", metadata) }
                .Where(f => !string.IsNullOrEmpty(f.Item2)).Select(f => "  " + f.Item1 + "=" + f.Item2));

        private static string Prefix(string source) => "[live inspector] " + source + "  ";

        private static string Iso(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

        private static string Text(JsonElement reading, string name) => !reading.TryGetProperty(name, out JsonElement value) ? null
            : value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
    }
}
