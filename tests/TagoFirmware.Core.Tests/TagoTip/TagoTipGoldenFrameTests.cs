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

        private const int Temperature = 0;
        private const int Humidity = 1;

        [TestMethod]
        public void P2_shares_its_time_and_group_at_frame_level_and_matches_the_reference_bytes()
        {
            TagoTipWriter writer = Writer(512);
            writer.Begin(1, P2UnixMs);
            Assert.AreEqual(TagoWriteResult.Ok, writer.Reading(Temperature, 235, 1, P2UnixMs));
            Assert.AreEqual(TagoWriteResult.Ok, writer.Reading(Humidity, 652, 1, P2UnixMs));

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

            TagoTipWriter writer = Writer(4096);
            writer.Begin(2, P2UnixMs);
            for (int i = 0; i < 10; i++)
            {
                long time = P2UnixMs + (i * 60000L);
                Assert.AreEqual(TagoWriteResult.Ok, writer.Reading(Temperature, 235 + i, 1, time));
                Assert.AreEqual(TagoWriteResult.Ok, writer.Reading(Humidity, 652 - i, 1, time));
            }

            // 849 bytes against the JSON writer's 2,111 for the same readings.
            Assert.AreEqual(849, expected.Length);
            Assert.AreEqual(expected, Finish(writer));
            Assert.AreEqual(20, writer.ItemCount);
        }

        [TestMethod]
        public void Without_frame_time_every_variable_carries_its_own_time_and_group_and_no_sequence_means_no_prefix()
        {
            TagoTipWriter writer = Writer(512);
            writer.Begin(-1, -1);
            writer.Reading(Temperature, 235, 1, P2UnixMs);

            Assert.AreEqual("[temperature:=23.5#C@1795617000000^00mww800g0]", Finish(writer));
        }

        [TestMethod]
        public void A_frame_can_be_rewritten_in_the_same_buffer_with_a_new_sequence_number()
        {
            TagoTipWriter writer = Writer(512);
            writer.Begin(4294967295L, P2UnixMs);
            writer.Reading(Humidity, 1, 1, P2UnixMs);
            Finish(writer);

            writer.Begin(1, P2UnixMs);
            writer.Reading(Temperature, 235, 1, P2UnixMs);
            writer.Reading(Humidity, 652, 1, P2UnixMs);

            Assert.AreEqual(P2, Finish(writer));
        }

        [TestMethod]
        public void A_cycle_s_group_is_inherited_from_the_frame_or_written_on_the_variable_when_its_time_differs()
        {
            TagoTipWriter writer = Writer(1024);
            writer.Begin(-1, P2UnixMs);
            writer.Reading(Temperature, 1, 0, P2UnixMs);
            Assert.AreEqual("@1795617000000^00mww800g0[temperature:=1#C]", Finish(writer));

            writer.Begin(-1, P2UnixMs + 60000L);
            writer.Reading(Temperature, 1, 0, P2UnixMs);
            Assert.AreEqual("@1795617060000^00mww81aqo[temperature:=1#C@1795617000000^00mww800g0]", Finish(writer));
        }

        internal static string Finish(TagoTipWriter writer)
        {
            int length = writer.Close();
            return PayloadText.Decode(writer.Buffer, length);
        }

        // The node's variable table, checked and prepared once when the configuration is loaded; the unit is the JSON one, °C.
        private static TagoTipWriter Writer(int bytes) => new TagoTipWriter(new byte[bytes],
            new byte[][] { PayloadText.Utf8("temperature"), PayloadText.Utf8("humidity") },
            new byte[][] { PayloadText.Utf8("°C"), PayloadText.Utf8("%") });
    }
}
