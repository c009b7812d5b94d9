using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace TagoFirmware.IntegrationTests.Infrastructure
{
    /// <summary>One TagoIO data item as a subscriber saw it.</summary>
    /// <param name="Variable">Variable name.</param>
    /// <param name="Value">Numeric value (NaN for strings).</param>
    /// <param name="TimeUtc">The item's <c>time</c>, or null when it has none.</param>
    /// <param name="Group">The item's <c>group</c>, or null.</param>
    /// <param name="ArrivalIndex">Index of the message that carried it, in order of arrival.</param>
    public sealed record TagoItem(string Variable, double Value, DateTime? TimeUtc, string Group, int ArrivalIndex)
    {
        /// <summary>Variable + time: how TagoIO users identify a duplicate (docs/store-and-forward.md).</summary>
        public string Key => Variable + "@" + (TimeUtc?.ToString("O", CultureInfo.InvariantCulture) ?? "-");

        /// <summary>Parses every item of every message.</summary>
        /// <param name="messages">Messages in order of arrival.</param>
        /// <returns>The items in order of arrival.</returns>
        public static List<TagoItem> Parse(IReadOnlyList<ReceivedMessage> messages)
        {
            var items = new List<TagoItem>();
            for (int m = 0; m < messages.Count; m++)
            {
                using JsonDocument doc = JsonDocument.Parse(messages[m].Payload);
                foreach (JsonElement item in doc.RootElement.EnumerateArray())
                {
                    JsonElement value = item.GetProperty("value");
                    DateTime? time = item.TryGetProperty("time", out JsonElement t)
                        ? DateTime.Parse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
                        : null;
                    string group = item.TryGetProperty("group", out JsonElement g) ? g.GetString() : null;
                    items.Add(new TagoItem(
                        item.GetProperty("variable").GetString(),
                        value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN,
                        time,
                        group,
                        m));
                }
            }

            return items;
        }

        /// <summary>True when the payload is the node's diagnostics payload (it carries <c>uptime_s</c>).</summary>
        /// <param name="message">Message.</param>
        /// <returns>True for diagnostics.</returns>
        public static bool IsDiagnostics(ReceivedMessage message)
        {
            return System.Text.Encoding.UTF8.GetString(message.Payload).Contains("\"variable\":\"uptime_s\"", StringComparison.Ordinal);
        }
    }
}
