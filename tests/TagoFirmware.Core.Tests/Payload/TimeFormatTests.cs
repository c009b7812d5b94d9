using System;
using nanoFramework.TestFramework;
using TagoFirmware.Payload;

namespace TagoFirmware.Tests.Payload
{
    /// <summary>Times are always <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, from epoch milliseconds or from a DateTime.</summary>
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
        [DataRow(-2203891200000L, "1900-03-01T00:00:00.000Z")]
        [DataRow(-1L, "1969-12-31T23:59:59.999Z")]
        [DataRow(-62135596800000L, "0001-01-01T00:00:00.000Z")]
        [DataRow(253402300799999L, "9999-12-31T23:59:59.999Z")]
        [DataRow(4107542400000L, "2100-03-01T00:00:00.000Z")]
        public void Epoch_milliseconds_are_written_as_UTC_with_milliseconds(long unixMs, string expected)
        {
            Assert.AreEqual(Expected(expected), WriteTime(unixMs));
        }

        [TestMethod]
        public void A_DateTime_is_written_with_its_milliseconds_and_sub_millisecond_ticks_dropped()
        {
            // 2026-11-25T14:30:05.678Z plus 9999 ticks (0.9999 ms), which "fff" truncates.
            DateTime time = new DateTime(2026, 11, 25, 14, 30, 5, 678).AddTicks(9999);
            TagoJsonWriter writer = new TagoJsonWriter(new byte[128]);
            writer.BeginItem("t");
            Assert.AreEqual(TagoWriteResult.Ok, writer.TimeUtc(time));
            writer.EndItem();

            Assert.AreEqual(Expected("2026-11-25T14:30:05.678Z"), PayloadText.Closed(writer));
        }

        [TestMethod]
        public void DateTime_extremes_are_written()
        {
            // The extremes are platform facts: 0001-01-01 to 9999-12-31 on desktop .NET, 1601-01-01 to 3000-12-31
            // on nanoFramework. Whatever they are, the writer spells them out in full.
            int maxYear = DateTime.MaxValue.Year;
            int minYear = DateTime.MinValue.Year;
            Assert.IsTrue(maxYear == 9999 || maxYear == 3000, "DateTime.MaxValue.Year " + maxYear);
            Assert.IsTrue(minYear == 1 || minYear == 1601, "DateTime.MinValue.Year " + minYear);

            TagoJsonWriter writer = new TagoJsonWriter(new byte[128]);
            writer.BeginItem("t");
            writer.TimeUtc(DateTime.MaxValue);
            writer.EndItem();
            Assert.AreEqual(Expected(Year4(maxYear) + "-12-31T23:59:59.999Z"), PayloadText.Closed(writer));

            writer.Reset();
            writer.BeginItem("t");
            writer.TimeUtc(DateTime.MinValue);
            writer.EndItem();
            Assert.AreEqual(Expected(Year4(minYear) + "-01-01T00:00:00.000Z"), PayloadText.Closed(writer));
        }

        [TestMethod]
        public void Consecutive_items_with_different_times_each_get_their_own()
        {
            TagoJsonWriter writer = new TagoJsonWriter(new byte[256]);
            writer.BeginItem("a");
            writer.TimeUnixMs(1000L);
            writer.EndItem();
            writer.BeginItem("b");
            writer.TimeUnixMs(1000L);
            writer.EndItem();
            writer.BeginItem("c");
            writer.TimeUnixMs(2000L);
            writer.EndItem();

            Assert.AreEqual(
                "[{\"variable\":\"a\",\"time\":\"1970-01-01T00:00:01.000Z\"}," +
                "{\"variable\":\"b\",\"time\":\"1970-01-01T00:00:01.000Z\"}," +
                "{\"variable\":\"c\",\"time\":\"1970-01-01T00:00:02.000Z\"}]",
                PayloadText.Closed(writer));
        }

        private static string WriteTime(long unixMs)
        {
            TagoJsonWriter writer = new TagoJsonWriter(new byte[128]);
            writer.BeginItem("t");
            Assert.AreEqual(TagoWriteResult.Ok, writer.TimeUnixMs(unixMs));
            Assert.AreEqual(TagoWriteResult.Ok, writer.EndItem());
            return PayloadText.Closed(writer);
        }

        private static string Year4(int year)
        {
            string digits = year.ToString();
            while (digits.Length < 4)
            {
                digits = "0" + digits;
            }

            return digits;
        }

        private static string Expected(string time)
        {
            return "[{\"variable\":\"t\",\"time\":\"" + time + "\"}]";
        }
    }
}
