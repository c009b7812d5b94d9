using nanoFramework.TestFramework;
using TagoFirmware.Diagnostics;
using TagoFirmware.Payload;
using TagoFirmware.Tests.Json;

namespace TagoFirmware.Tests.Diagnostics
{
    [TestClass]
    public class DiagnosticsPayloadTests
    {
        private static string Text(TagoJsonWriter writer)
        {
            char[] chars = new char[writer.Length];
            for (int i = 0; i < writer.Length; i++)
            {
                chars[i] = (char)writer.Buffer[i];
            }

            return new string(chars);
        }

        // Counters as after boot: every figure 0, heap_free and rssi unknown.
        private static DiagnosticsCounters New(string version)
        {
            DiagnosticsCounters c = new DiagnosticsCounters(version);
            Set(c, "heap_free", DiagnosticsPayload.Omitted);
            Set(c, "rssi", DiagnosticsPayload.Omitted);
            return c;
        }

        private static void Set(DiagnosticsCounters c, string name, long value) =>
            c.Values[System.Array.IndexOf(DiagnosticsPayload.ReservedNames, name) - 1] = value;

        [TestMethod]
        public void Quotes_and_backslashes_in_the_firmware_version_are_escaped_in_the_payload()
        {
            TagoJsonWriter writer = new TagoJsonWriter(new byte[DiagnosticsPayload.RecommendedBufferSize], null, null);

            Assert.AreEqual((int)TagoWriteResult.Ok, (int)DiagnosticsPayload.Write(writer, New("v1 \"beta\"\\x"), -1));
            Assert.IsTrue(Text(writer).IndexOf("{\"variable\":\"fw_version\",\"value\":\"v1 \\\"beta\\\"\\\\x\"}") > 0, Text(writer));
        }

        [TestMethod]
        public void The_payload_lists_every_figure_without_time_when_the_clock_is_unset()
        {
            DiagnosticsCounters c = New("1.4.0");
            Set(c, "uptime_s", 3600);
            Set(c, "heap_free", 81234);
            Set(c, "boot_reason", (int)BootReason.PowerOnOrReset);
            Set(c, "reconnects", 1);
            Set(c, "sensor_errors", 2);
            Set(c, "queue_depth", 7);
            TagoJsonWriter writer = new TagoJsonWriter(new byte[DiagnosticsPayload.RecommendedBufferSize], null, null);

            Assert.AreEqual((int)TagoWriteResult.Ok, (int)DiagnosticsPayload.Write(writer, c, -1));
            Assert.AreEqual(
                "[{\"variable\":\"uptime_s\",\"value\":3600,\"unit\":\"s\"},"
                + "{\"variable\":\"heap_free\",\"value\":81234,\"unit\":\"B\"},"
                + "{\"variable\":\"boot_reason\",\"value\":\"power_on\"},"
                + "{\"variable\":\"reconnects\",\"value\":1},"
                + "{\"variable\":\"auth_failures\",\"value\":0},"
                + "{\"variable\":\"dropped_readings\",\"value\":0},"
                + "{\"variable\":\"untimed_readings\",\"value\":0},"
                + "{\"variable\":\"sensor_errors\",\"value\":2},"
                + "{\"variable\":\"command_errors\",\"value\":0},"
                + "{\"variable\":\"queue_depth\",\"value\":7},"
                + "{\"variable\":\"fw_version\",\"value\":\"1.4.0\"}]",
                Text(writer));
            Assert.AreEqual(11, writer.ItemCount);
        }

        [TestMethod]
        public void Rssi_and_time_are_written_when_known_and_heap_is_left_out_when_unknown()
        {
            DiagnosticsCounters c = New("2");
            Set(c, "rssi", -71);
            TagoJsonWriter writer = new TagoJsonWriter(new byte[DiagnosticsPayload.RecommendedBufferSize], null, null);

            Assert.AreEqual((int)TagoWriteResult.Ok, (int)DiagnosticsPayload.Write(writer, c, 1764085479000));
            string text = Text(writer);
            Assert.AreEqual(11, writer.ItemCount);
            Assert.IsTrue(text.IndexOf("heap_free") < 0);
            Assert.IsTrue(text.IndexOf("{\"variable\":\"rssi\",\"value\":-71,\"unit\":\"dBm\",\"time\":\"2025-11-25T15:44:39.000Z\"}]") > 0);
            Assert.IsTrue(text.StartsWith("[{\"variable\":\"uptime_s\",\"value\":0,\"unit\":\"s\",\"time\":\"2025-11-25T15:44:39.000Z\"},"));
        }

        [TestMethod]
        public void The_largest_payload_fits_the_recommended_buffer()
        {
            DiagnosticsCounters c = New("0123456789012345678901234567890123456789012345678901234567890123");
            Set(c, "uptime_s", 9007199254740991);
            Set(c, "heap_free", 9007199254740991);
            Set(c, "queue_depth", int.MinValue);
            Set(c, "boot_reason", (int)BootReason.WatchdogReboot);
            Set(c, "rssi", int.MinValue);
            Set(c, "store_errors", int.MaxValue);
            Set(c, "unsaved_acks", int.MaxValue);
            Set(c, "quarantined", int.MaxValue);
            TagoJsonWriter writer = new TagoJsonWriter(new byte[DiagnosticsPayload.RecommendedBufferSize], null, null);

            Assert.AreEqual((int)TagoWriteResult.Ok, (int)DiagnosticsPayload.Write(writer, c, 253402300799999));
            Assert.AreEqual(15, writer.ItemCount);
            Assert.IsTrue(writer.Length <= DiagnosticsPayload.RecommendedBufferSize);
        }

        [TestMethod]
        public void Every_name_the_payload_can_write_is_reserved_from_sensor_variables()
        {
            DiagnosticsCounters c = New("1");
            Set(c, "heap_free", 1);
            Set(c, "rssi", -70);
            Set(c, "store_errors", 1);
            Set(c, "unsaved_acks", 1);
            Set(c, "quarantined", 1);
            TagoJsonWriter writer = new TagoJsonWriter(new byte[DiagnosticsPayload.RecommendedBufferSize], null, null);
            Assert.AreEqual((int)TagoWriteResult.Ok, (int)DiagnosticsPayload.Write(writer, c, -1));

            string text = Text(writer);
            int names = 0;
            for (int at = text.IndexOf("\"variable\":\""); at >= 0; at = text.IndexOf("\"variable\":\"", at + 1))
            {
                int start = at + 12;
                string name = text.Substring(start, text.IndexOf('"', start) - start);
                Assert.IsTrue(System.Array.IndexOf(DiagnosticsPayload.ReservedNames, name) >= 0, name + " is not in ReservedNames");
                names++;
            }

            Assert.AreEqual(15, names);
        }

        [TestMethod]
        public void Store_errors_unsaved_acks_and_quarantined_cycles_are_written_only_when_not_zero()
        {
            DiagnosticsCounters c = New("2");
            TagoJsonWriter writer = new TagoJsonWriter(new byte[DiagnosticsPayload.RecommendedBufferSize], null, null);
            Assert.AreEqual((int)TagoWriteResult.Ok, (int)DiagnosticsPayload.Write(writer, c, -1));
            Assert.AreEqual(10, writer.ItemCount);
            Assert.IsTrue(Text(writer).IndexOf("{\"variable\":\"untimed_readings\",\"value\":0},{\"variable\":\"sensor_errors\"") > 0);

            Set(c, "store_errors", 3);
            Set(c, "unsaved_acks", 20);
            Set(c, "quarantined", 2);
            Assert.AreEqual((int)TagoWriteResult.Ok, (int)DiagnosticsPayload.Write(writer, c, -1));
            Assert.AreEqual(13, writer.ItemCount);
            Assert.IsTrue(Text(writer).IndexOf("{\"variable\":\"untimed_readings\",\"value\":0},{\"variable\":\"store_errors\",\"value\":3},"
                + "{\"variable\":\"unsaved_acks\",\"value\":20},{\"variable\":\"quarantined\",\"value\":2},{\"variable\":\"sensor_errors\"") > 0);
        }

        [TestMethod]
        public void A_buffer_too_small_gives_buffer_full_and_an_empty_payload()
        {
            TagoJsonWriter writer = new TagoJsonWriter(new byte[200], null, null);

            Assert.AreEqual((int)TagoWriteResult.BufferFull, (int)DiagnosticsPayload.Write(writer, New("1"), -1));
            Assert.AreEqual(1, writer.Length);
            Assert.AreEqual(0, writer.ItemCount);
        }
    }
}
