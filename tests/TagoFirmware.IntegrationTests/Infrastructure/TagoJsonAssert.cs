using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace TagoFirmware.IntegrationTests.Infrastructure
{
    /// <summary>Checks that a payload is TagoIO JSON (an array of data objects) with System.Text.Json as the oracle.</summary>
    public static class TagoJsonAssert
    {
        /// <summary>Asserts the payload is a non-empty array of {variable, value, unit?, time?, group?} objects with finite numbers.</summary>
        /// <param name="payload">UTF-8 payload.</param>
        /// <returns>Number of data objects.</returns>
        public static int IsValidData(byte[] payload)
        {
            string text = Encoding.UTF8.GetString(payload);
            using JsonDocument document = JsonDocument.Parse(payload);
            JsonElement root = document.RootElement;
            Assert.AreEqual(JsonValueKind.Array, root.ValueKind, "TagoIO data must be a JSON array: " + text);
            Assert.IsTrue(root.GetArrayLength() > 0, "empty array: " + text);
            foreach (JsonElement item in root.EnumerateArray())
            {
                Assert.AreEqual(JsonValueKind.Object, item.ValueKind, text);
                Assert.IsTrue(item.TryGetProperty("variable", out JsonElement variable) && variable.ValueKind == JsonValueKind.String, "variable: " + text);
                string name = variable.GetString();
                Assert.IsTrue(name.Length > 0 && name.Length <= 100 && name == name.ToLowerInvariant(), "variable name: " + name);
                Assert.IsTrue(item.TryGetProperty("value", out JsonElement value), "value: " + text);
                if (value.ValueKind == JsonValueKind.Number)
                {
                    double d = value.GetDouble();
                    Assert.IsTrue(double.IsFinite(d), "value finite: " + text);
                    string raw = value.GetRawText();
                    Assert.IsFalse(raw.Contains('e') || raw.Contains('E'), "no exponent: " + raw);
                }
                else
                {
                    Assert.IsTrue(value.ValueKind == JsonValueKind.String || value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False, "value kind: " + text);
                }

                if (item.TryGetProperty("time", out JsonElement time))
                {
                    Assert.IsTrue(DateTimeOffset.TryParse(time.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed), "time: " + text);
                    Assert.IsTrue(parsed.Year >= 2025, "time before 2025: " + text);
                }

                if (item.TryGetProperty("unit", out JsonElement unit))
                {
                    Assert.AreEqual(JsonValueKind.String, unit.ValueKind, text);
                }

                if (item.TryGetProperty("group", out JsonElement group))
                {
                    Assert.AreEqual(JsonValueKind.String, group.ValueKind, text);
                }
            }

            return root.GetArrayLength();
        }
    }
}
