using System;
using nanoFramework.TestFramework;
using TagoFirmware.Payload;

namespace TagoFirmware.Tests.Payload
{
    /// <summary>The reference payloads P2 and P20 (docs/payload-format.md), byte for byte.</summary>
    [TestClass]
    public class GoldenPayloadTests
    {
        private const string P2 =
            "[{\"variable\":\"temperature\",\"value\":23.5,\"unit\":\"°C\",\"time\":\"2026-11-25T14:30:00.000Z\",\"group\":\"00mww800g0\"}," +
            "{\"variable\":\"humidity\",\"value\":65.2,\"unit\":\"%\",\"time\":\"2026-11-25T14:30:00.000Z\",\"group\":\"00mww800g0\"}]";

        /// <summary>2026-11-25T14:30:00Z in Unix epoch milliseconds.</summary>
        private const long P2UnixMs = 1795617000000L;
        private const int Temperature = 0;
        private const int Humidity = 1;

        [TestMethod]
        public void P2_from_Unix_epoch_milliseconds_matches_the_reference_bytes()
        {
            TagoJsonWriter writer = Writer(512);
            Assert.AreEqual(TagoWriteResult.Ok, writer.Reading(Temperature, 235L, 1, P2UnixMs));
            Assert.AreEqual(TagoWriteResult.Ok, writer.Reading(Humidity, 652L, 1, P2UnixMs));

            Assert.AreEqual(P2, PayloadText.Closed(writer));
        }

        [TestMethod]
        public void P20_ten_pairs_a_minute_apart_match_the_reference_bytes()
        {
            // Pair i: temperature 23.5 + 0.1·i, humidity 65.2 − 0.1·i (scaled by 10, as the queue keeps them), time + i minutes.
            string[] temperatures = { "23.5", "23.6", "23.7", "23.8", "23.9", "24.0", "24.1", "24.2", "24.3", "24.4" };
            string[] humidities = { "65.2", "65.1", "65.0", "64.9", "64.8", "64.7", "64.6", "64.5", "64.4", "64.3" };
            string[] groups = { "00mww800g0", "00mww81aqo", "00mww82l1c", "00mww83vc0", "00mww855mo", "00mww86fxc", "00mww87q80", "00mww890io", "00mww8aatc", "00mww8bl40" };
            string expected = "[";
            for (int i = 0; i < 10; i++)
            {
                string time = "2026-11-25T14:3" + i.ToString() + ":00.000Z";
                expected += (i > 0 ? "," : string.Empty) +
                    "{\"variable\":\"temperature\",\"value\":" + temperatures[i] + ",\"unit\":\"°C\",\"time\":\"" + time + "\",\"group\":\"" + groups[i] + "\"}," +
                    "{\"variable\":\"humidity\",\"value\":" + humidities[i] + ",\"unit\":\"%\",\"time\":\"" + time + "\",\"group\":\"" + groups[i] + "\"}";
            }

            expected += "]";

            TagoJsonWriter writer = Writer(4096);
            for (int i = 0; i < 10; i++)
            {
                long time = P2UnixMs + (i * 60000L);
                Assert.AreEqual(TagoWriteResult.Ok, writer.Reading(Temperature, 235L + i, 1, time));
                Assert.AreEqual(TagoWriteResult.Ok, writer.Reading(Humidity, 652L - i, 1, time));
            }

            Assert.AreEqual(expected, PayloadText.Closed(writer));
            Assert.AreEqual(20, writer.ItemCount);
            Assert.AreEqual(2111, writer.Length);
        }

        [TestMethod]
        public void Reset_starts_a_new_payload_in_the_same_buffer()
        {
            TagoJsonWriter writer = Writer(512);
            writer.Reading(Humidity, 10L, 1, P2UnixMs);
            writer.Close();

            writer.Reset();
            writer.Reading(Temperature, 235L, 1, P2UnixMs);
            writer.Reading(Humidity, 652L, 1, P2UnixMs);

            Assert.AreEqual(P2, PayloadText.Closed(writer));
            Assert.AreEqual(2, writer.ItemCount);
        }

        [TestMethod]
        public void An_empty_payload_is_an_empty_array()
        {
            TagoJsonWriter writer = new TagoJsonWriter(new byte[2], null, null);

            Assert.AreEqual("[]", PayloadText.Closed(writer));
            Assert.AreEqual(0, writer.ItemCount);
        }

        [TestMethod]
        public void Closing_twice_changes_nothing()
        {
            TagoJsonWriter writer = Writer(512);
            writer.Reading(Humidity, 652L, 1, P2UnixMs);
            int first = writer.Close();

            Assert.AreEqual(first, writer.Close());
            Assert.AreEqual(TagoWriteResult.PayloadClosed, writer.Reading(Humidity, 652L, 1, P2UnixMs));
        }

        // The node's variable table: names and units checked and escaped once, when the configuration is loaded.
        private static TagoJsonWriter Writer(int bytes) => new TagoJsonWriter(new byte[bytes],
            new byte[][] { PayloadText.Utf8("temperature"), PayloadText.Utf8("humidity") },
            new byte[][] { PayloadText.Utf8("°C"), PayloadText.Utf8("%") });
    }
}
