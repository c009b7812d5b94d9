using System;
using nanoFramework.TestFramework;
using TagoFirmware.Payload;

namespace TagoFirmware.Tests.Payload
{
    /// <summary>Times are always <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, from Unix epoch milliseconds.</summary>
    [TestClass]
    public class TimeFormatTests
    {
        [TestMethod]
        [DataRow(0L, "1970-01-01T00:00:00.000Z")]
        [DataRow(1795617000000L, "2026-11-25T14:30:00.000Z")]
        [DataRow(1795617059999L, "2026-11-25T14:30:59.999Z")]
        [DataRow(1709164800123L, "2024-02-29T00:00:00.123Z")]
        [DataRow(951782400000L, "2000-02-29T00:00:00.000Z")]
        [DataRow(951868799999L, "2000-02-29T23:59:59.999Z")]
        [DataRow(978220800000L, "2000-12-31T00:00:00.000Z")]
        [DataRow(253402300799999L, "9999-12-31T23:59:59.999Z")]
        [DataRow(4107542400000L, "2100-03-01T00:00:00.000Z")]
        public void Epoch_milliseconds_are_written_as_UTC_with_milliseconds(long unixMs, string expected)
        {
            Assert.AreEqual(Expected(expected), WriteTime(unixMs));
        }

        [TestMethod]
        public void Consecutive_items_with_different_times_and_days_each_get_their_own()
        {
            TagoJsonWriter writer = new TagoJsonWriter(new byte[512], null, null);
            writer.Item(PayloadText.Utf8("a"), 0, null, null, 1000L);
            writer.Item(PayloadText.Utf8("b"), 0, null, null, 1000L);
            writer.Item(PayloadText.Utf8("c"), 0, null, null, 2000L);
            writer.Item(PayloadText.Utf8("d"), 0, null, null, 86400000L + 2000L);
            writer.Item(PayloadText.Utf8("e"), 0, null, null, 3000L);

            // The date part is cached apart from the time of day: a change of day must rewrite it, both ways.
            Assert.AreEqual(
                "[{\"variable\":\"a\",\"value\":0,\"time\":\"1970-01-01T00:00:01.000Z\"}," +
                "{\"variable\":\"b\",\"value\":0,\"time\":\"1970-01-01T00:00:01.000Z\"}," +
                "{\"variable\":\"c\",\"value\":0,\"time\":\"1970-01-01T00:00:02.000Z\"}," +
                "{\"variable\":\"d\",\"value\":0,\"time\":\"1970-01-02T00:00:02.000Z\"}," +
                "{\"variable\":\"e\",\"value\":0,\"time\":\"1970-01-01T00:00:03.000Z\"}]",
                PayloadText.Closed(writer));
        }

        private static string WriteTime(long unixMs)
        {
            TagoJsonWriter writer = new TagoJsonWriter(new byte[128], null, null);
            Assert.AreEqual(TagoWriteResult.Ok, writer.Item(PayloadText.Utf8("t"), 0, null, null, unixMs));
            return PayloadText.Closed(writer);
        }

        private static string Expected(string time)
        {
            return "[{\"variable\":\"t\",\"value\":0,\"time\":\"" + time + "\"}]";
        }
    }
}
