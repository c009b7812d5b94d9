using System;
using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Config;
using TagoFirmware.Tests.Node;
using TagoFirmware.Tests.Payload;
using TagoFirmware.Tests.Session;

namespace TagoFirmware.Host.Tests.Node
{
    /// <summary>
    /// Every payload the node publishes (readings, counters, diagnostics, status) is valid TagoIO JSON, checked with
    /// System.Text.Json as an independent parser against TagoIO's rules.
    /// </summary>
    [TestClass]
    public sealed class NodePayloadJsonTests
    {
        private static readonly Regex s_variable = new Regex("^[a-z0-9_]{1,100}$");
        private static readonly Regex s_group = new Regex("^[A-Za-z0-9_-]{1,24}$");

        [TestMethod]
        public void Every_published_payload_is_a_valid_tagoio_data_array()
        {
            NodeRig rig = new NodeRig(2);
            rig.Config.Sensors[0].Set(ConfigKeys.SensorDewPoint, true);
            rig.Config.Set(ConfigKeys.QueueCapacity, 16);
            rig.Platform.HasRssi = true;
            rig.BrokerUp = false;
            rig.Build();
            rig.Run(120000);
            rig.SetBroker(true);
            rig.Run(120000);
            rig.Command("ping", "");
            rig.Run(10000);

            int items = 0;
            int readings = 0;
            bool sawCounters = false;
            for (int i = 0; i < rig.Mqtt.Publishes.Count; i++)
            {
                PublishRecord p = (PublishRecord)rig.Mqtt.Publishes[i];
                using JsonDocument doc = JsonDocument.Parse(p.Payload);
                Assert.AreEqual(JsonValueKind.Array, doc.RootElement.ValueKind, PayloadText.Decode(p.Payload, p.Payload.Length));
                Assert.IsTrue(doc.RootElement.GetArrayLength() >= 1);
                foreach (JsonElement item in doc.RootElement.EnumerateArray())
                {
                    items++;
                    CheckItem(item);
                    string variable = item.GetProperty("variable").GetString();
                    if (variable.StartsWith("temperature_", StringComparison.Ordinal) || variable.StartsWith("humidity_", StringComparison.Ordinal)
                        || variable.StartsWith("dew_point", StringComparison.Ordinal))
                    {
                        readings++;
                        Assert.IsTrue(item.TryGetProperty("time", out _), "every reading carries the time it was taken");
                        Assert.IsTrue(item.TryGetProperty("group", out _), "every reading carries its cycle's group");
                        Assert.AreEqual(JsonValueKind.Number, item.GetProperty("value").ValueKind);
                        double value = item.GetProperty("value").GetDouble();
                        Assert.AreEqual(Math.Round(value, 1), value, "one decimal");
                    }

                    if (variable == "dropped_readings" && !item.TryGetProperty("time", out _))
                    {
                        sawCounters = true;
                    }
                }
            }

            Assert.IsTrue(readings > 40, $"{readings} readings");
            Assert.IsTrue(items > readings);
            Assert.IsTrue(sawCounters, "the dropped count went out in a data payload");
        }

        private static void CheckItem(JsonElement item)
        {
            Assert.AreEqual(JsonValueKind.Object, item.ValueKind);
            string variable = item.GetProperty("variable").GetString();
            Assert.IsTrue(s_variable.IsMatch(variable), variable);
            JsonValueKind kind = item.GetProperty("value").ValueKind;
            Assert.IsTrue(kind == JsonValueKind.Number || kind == JsonValueKind.String, variable);
            if (item.TryGetProperty("unit", out JsonElement unit))
            {
                Assert.IsTrue(unit.GetString().Length <= 25);
            }

            if (item.TryGetProperty("time", out JsonElement time))
            {
                DateTime parsed = DateTime.ParseExact(time.GetString(), "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                Assert.IsTrue(parsed.Year >= 2025, time.GetString());
            }

            if (item.TryGetProperty("group", out JsonElement group))
            {
                Assert.IsTrue(s_group.IsMatch(group.GetString()), group.GetString());
            }

            foreach (JsonProperty property in item.EnumerateObject())
            {
                Assert.IsTrue(property.Name is "variable" or "value" or "unit" or "time" or "group", property.Name);
            }
        }
    }
}
