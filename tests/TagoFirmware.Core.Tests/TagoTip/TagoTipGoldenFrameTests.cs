using nanoFramework.TestFramework;
using TagoFirmware.Payload;
using TagoFirmware.TagoTip;
using TagoFirmware.Tests.Payload;

namespace TagoFirmware.Tests.TagoTip
{
    /// <summary>The reference payloads P2 and P20 (the JSON writer's goldens) as the node writes them in TagoTiP, byte for byte.</summary>
    [TestClass]
    public class TagoTipGoldenFrameTests
    {
        /// <summary>2026-11-25T14:30:00Z in Unix epoch milliseconds.</summary>
        private const long P2UnixMs = 1795617000000L;

        private const string P2 = "!1|@1795617000000^00mww800g0[temperature:=23.5#C;humidity:=65.2#%]";

        private static byte[] s_temperature;
        private static byte[] s_humidity;
        private static byte[] s_celsius;
        private static byte[] s_percent;

        [Setup]
        public void PrepareNames()
        {
            // Done once, as the node does when its configuration is loaded; the unit is the JSON one, °C.
            s_temperature = PayloadText.Utf8("temperature");
            s_humidity = PayloadText.Utf8("humidity");
            s_celsius = PayloadText.Utf8("°C");
            s_percent = PayloadText.Utf8("%");
        }

        [TestMethod]
        public void P2_shares_its_time_and_group_at_frame_level_and_matches_the_reference_bytes()
        {
            TagoTipWriter writer = new TagoTipWriter(new byte[512], null, null);
            Assert.AreEqual(TagoWriteResult.Ok, writer.Begin(1, P2UnixMs, true));
            Assert.AreEqual(TagoWriteResult.Ok, WriteReading(writer, s_temperature, 235, s_celsius, P2UnixMs, true));
            Assert.AreEqual(TagoWriteResult.Ok, WriteReading(writer, s_humidity, 652, s_percent, P2UnixMs, true));

            Assert.AreEqual(P2, Finish(writer));
            Assert.AreEqual(2, writer.ItemCount);
        }

        [TestMethod]
        public void P20_ten_pairs_a_minute_apart_match_the_reference_bytes()
        {
            // Pair i: temperature 23.5 + 0.1·i, humidity 65.2 − 0.1·i (scaled by 10, as the queue keeps them), time + i min.
            string[] temperatures = { "23.5", "23.6", "23.7", "23.8", "23.9", "24.0", "24.1", "24.2", "24.3", "24.4" };
            string[] humidities = { "65.2", "65.1", "65.0", "64.9", "64.8", "64.7", "64.6", "64.5", "64.4", "64.3" };
            string[] groups = { "00mww800g0", "00mww81aqo", "00mww82l1c", "00mww83vc0", "00mww855mo", "00mww86fxc", "00mww87q80", "00mww890io", "00mww8aatc", "00mww8bl40" };
            string expected = "!2|@1795617000000^00mww800g0[";
            for (int i = 0; i < 10; i++)
            {
                // The first pair inherits the frame's time and group; the others carry their own.
                string time = i == 0 ? string.Empty : "@" + (P2UnixMs + (i * 60000L)).ToString() + "^" + groups[i];
                expected += (i > 0 ? ";" : string.Empty) + "temperature:=" + temperatures[i] + "#C" + time + ";humidity:=" + humidities[i] + "#%" + time;
            }

            expected += "]";

            TagoTipWriter writer = new TagoTipWriter(new byte[4096], null, null);
            writer.Begin(2, P2UnixMs, true);
            for (int i = 0; i < 10; i++)
            {
                long time = P2UnixMs + (i * 60000L);
                Assert.AreEqual(TagoWriteResult.Ok, WriteReading(writer, s_temperature, 235 + i, s_celsius, time, true));
                Assert.AreEqual(TagoWriteResult.Ok, WriteReading(writer, s_humidity, 652 - i, s_percent, time, true));
            }

            // 849 bytes against the JSON writer's 2,111 for the same readings.
            Assert.AreEqual(849, expected.Length);
            Assert.AreEqual(expected, Finish(writer));
            Assert.AreEqual(20, writer.ItemCount);
        }

        [TestMethod]
        public void Without_frame_time_every_variable_carries_its_own_and_no_sequence_means_no_prefix()
        {
            TagoTipWriter writer = new TagoTipWriter(new byte[512], null, null);
            writer.Begin(-1, -1, false);
            WriteReading(writer, s_temperature, 235, s_celsius, P2UnixMs, false);

            Assert.AreEqual("[temperature:=23.5#C@1795617000000]", Finish(writer));
        }

        [TestMethod]
        public void A_frame_can_be_rewritten_in_the_same_buffer_with_a_new_sequence_number()
        {
            TagoTipWriter writer = new TagoTipWriter(new byte[512], null, null);
            writer.Begin(4294967295L, P2UnixMs, false);
            WriteReading(writer, s_humidity, 1, s_percent, P2UnixMs, false);
            Finish(writer);

            writer.Begin(1, P2UnixMs, true);
            WriteReading(writer, s_temperature, 235, s_celsius, P2UnixMs, true);
            WriteReading(writer, s_humidity, 652, s_percent, P2UnixMs, true);

            Assert.AreEqual(P2, Finish(writer));
        }

        [TestMethod]
        public void A_cycle_s_group_is_inherited_from_the_frame_or_written_on_the_variable()
        {
            TagoTipWriter writer = new TagoTipWriter(new byte[1024], null, null);
            writer.Begin(-1, P2UnixMs, true);
            writer.BeginItem(s_temperature);
            writer.Value(1, 0);
            writer.GroupOfTime(P2UnixMs);
            writer.EndItem();
            Assert.AreEqual("@1795617000000^00mww800g0[temperature:=1]", Finish(writer));

            writer.Begin(-1, P2UnixMs, false);
            writer.BeginItem(s_temperature);
            writer.Value(1, 0);
            writer.GroupOfTime(P2UnixMs);
            writer.EndItem();
            Assert.AreEqual("@1795617000000[temperature:=1^00mww800g0]", Finish(writer));
        }

        internal static string Finish(TagoTipWriter writer)
        {
            int length = writer.Close();
            return PayloadText.Decode(writer.Buffer, length);
        }

        private static TagoWriteResult WriteReading(TagoTipWriter writer, byte[] name, long scaled, byte[] unit, long unixMs, bool group)
        {
            writer.BeginItem(name);
            writer.Value(scaled, 1);
            writer.Unit(unit);
            writer.TimeUnixMs(unixMs);
            if (group)
            {
                writer.GroupOfTime(unixMs);
            }

            return writer.EndItem();
        }
    }
}
