using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TagoFirmware.Host.Broker
{
    /// <summary>
    /// Formats a TagoIO JSON payload the way TagoIO's Live Inspector lists incoming data: one line per reading with
    /// variable, value, unit, time and group. A payload that is not TagoIO JSON is reported as such, never thrown.
    /// </summary>
    public static class LiveInspectorFormatter
    {
        /// <summary>Formats a payload into lines (one per reading), or one "not TagoIO JSON" line.</summary>
        /// <param name="topic">Topic the payload arrived on.</param>
        /// <param name="payload">Payload bytes.</param>
        /// <returns>Lines to print.</returns>
        public static string[] Format(string topic, byte[] payload)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(payload);
                JsonElement root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    return new[] { FormatReading(topic, root) };
                }

                if (root.ValueKind != JsonValueKind.Array)
                {
                    return new[] { Prefix(topic) + "not TagoIO JSON (expected an array of objects)" };
                }

                var lines = new string[root.GetArrayLength()];
                int i = 0;
                foreach (JsonElement item in root.EnumerateArray())
                {
                    lines[i++] = item.ValueKind == JsonValueKind.Object ? FormatReading(topic, item) : Prefix(topic) + "not a data object: " + item.GetRawText();
                }

                return lines;
            }
            catch (JsonException ex)
            {
                return new[] { Prefix(topic) + "not TagoIO JSON (" + ex.Message + "), " + payload.Length + " bytes" };
            }
        }

        private static string Prefix(string topic)
        {
            return "[live inspector] " + topic + "  ";
        }

        private static string FormatReading(string topic, JsonElement reading)
        {
            var sb = new StringBuilder(Prefix(topic));
            sb.Append("variable=").Append(Text(reading, "variable"));
            sb.Append("  value=").Append(Text(reading, "value"));
            string unit = Text(reading, "unit");
            if (unit.Length > 0)
            {
                sb.Append("  unit=").Append(unit);
            }

            string time = Text(reading, "time");
            sb.Append("  time=").Append(time.Length > 0 ? time : "(broker time " + DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) + ")");
            string group = Text(reading, "group");
            if (group.Length == 0)
            {
                group = Text(reading, "serie");
            }

            if (group.Length > 0)
            {
                sb.Append("  group=").Append(group);
            }

            if (reading.TryGetProperty("metadata", out JsonElement metadata))
            {
                sb.Append("  metadata=").Append(metadata.GetRawText());
            }

            return sb.ToString();
        }

        private static string Text(JsonElement reading, string name)
        {
            if (!reading.TryGetProperty(name, out JsonElement value))
            {
                return string.Empty;
            }

            return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        }
    }
}
