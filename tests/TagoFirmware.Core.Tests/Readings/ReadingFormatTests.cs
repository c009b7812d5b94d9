using nanoFramework.TestFramework;
using TagoFirmware.Common;
using TagoFirmware.Readings;

namespace TagoFirmware.Tests.Readings
{
    [TestClass]
    public class ReadingFormatTests
    {
        [TestMethod]
        public void Crc32_of_the_standard_check_string_is_cbf43926()
        {
            byte[] check = new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 };

            Assert.AreEqual(0xCBF43926u, Crc32.Compute(check, 0, check.Length));
        }

        [TestMethod]
        public void Crc32_of_nothing_is_zero()
        {
            Assert.AreEqual(0u, Crc32.Compute(new byte[4], 2, 0));
        }

        [TestMethod]
        [DataRow(0L, "0000000000")]
        [DataRow(35L, "000000000z")]
        [DataRow(36L, "0000000010")]
        [DataRow(1764000000000L, "00midc1z40")]
        [DataRow(281474976710655L, "2rrvthnxtr")]
        public void Group_id_is_the_time_in_lower_case_base_36_padded_to_ten_characters(long unixMs, string expected)
        {
            byte[] buffer = new byte[11];
            ReadingGroupId.Write(unixMs, buffer, 1);

            for (int i = 0; i < ReadingGroupId.Length; i++)
            {
                Assert.AreEqual((byte)expected[i], buffer[1 + i]);
            }
        }

        [TestMethod]
        public void A_reading_record_round_trips_through_its_twelve_bytes()
        {
            byte[] ring = new byte[2 * ReadingRecord.Size];

            ReadingRecord.WriteReading(ring, ReadingRecord.Size, 200, -123456, 3, 1764000000123L);

            // Index, flags (decimals), value i32 LE, Unix ms u48 LE.
            CollectionAssert.AreEqual(new byte[] { 200, 3, 0xC0, 0x1D, 0xFE, 0xFF, 0x7B, 0xE8, 0x97, 0xB6, 0x9A, 0x01 }, Slice(ring, ReadingRecord.Size));
            Assert.AreEqual(1764000000123L, ReadingRecord.UnixMs(ring, ReadingRecord.Size));
            Assert.IsFalse(ReadingRecord.IsUntimed(ring, ReadingRecord.Size));
            Assert.IsTrue(ReadingRecord.IsWellFormed(ring, ReadingRecord.Size));
        }

        [TestMethod]
        public void An_untimed_record_keeps_boot_counter_and_monotonic_time()
        {
            byte[] ring = new byte[ReadingRecord.Size];

            ReadingRecord.WriteReading(ring, 0, 7, 42, 1 | ReadingRecord.UntimedFlag, 65535 | (0xFEDCBA98L << 16));

            // The time field holds boot counter u16 LE, then monotonic ms u32 LE.
            CollectionAssert.AreEqual(new byte[] { 7, 0x09, 42, 0, 0, 0, 0xFF, 0xFF, 0x98, 0xBA, 0xDC, 0xFE }, ring);
            Assert.IsTrue(ReadingRecord.IsUntimed(ring, 0));
            Assert.AreEqual(-1L, ReadingRecord.UnixMs(ring, 0));
        }

        [TestMethod]
        public void A_record_with_reserved_bits_or_a_1970_time_is_malformed()
        {
            byte[] ring = new byte[ReadingRecord.Size];
            ReadingRecord.WriteReading(ring, 0, 1, 1, 1, 1000);
            Assert.IsFalse(ReadingRecord.IsWellFormed(ring, 0));

            ReadingRecord.WriteReading(ring, 0, 1, 1, 1, 1764000000000L);
            ring[1] |= 0x40;
            Assert.IsFalse(ReadingRecord.IsWellFormed(ring, 0));
        }

        [TestMethod]
        public void A_log_record_with_any_single_bit_flipped_is_not_intact()
        {
            byte[] ring = new byte[ReadingRecord.Size];
            ReadingRecord.WriteReading(ring, 0, 1, 215, 1, 1764000000000L);
            byte[] record = new byte[ReadingRecord.LogRecordSize];
            ReadingRecord.WriteData(record, 0, 77, ring, 0);
            Assert.IsTrue(ReadingRecord.IsIntact(record, 0));
            Assert.AreEqual(77, ReadingRecord.Sequence(record, 0));

            for (int bit = 0; bit < ReadingRecord.LogRecordSize * 8; bit++)
            {
                record[bit / 8] ^= (byte)(1 << (bit % 8));
                Assert.IsFalse(ReadingRecord.IsIntact(record, 0));
                record[bit / 8] ^= (byte)(1 << (bit % 8));
            }
        }

        [TestMethod]
        [DataRow(0, 1, true)]
        [DataRow(1, 0, false)]
        [DataRow(5, 5, false)]
        [DataRow(0xFFFFFF, 0, true)]
        [DataRow(0, 0xFFFFFF, false)]
        public void Sequence_numbers_compare_modulo_two_to_the_24(int a, int b, bool precedes)
        {
            Assert.AreEqual(precedes, ReadingRecord.Precedes(a, b));
        }

        private static byte[] Slice(byte[] buffer, int offset)
        {
            byte[] slice = new byte[ReadingRecord.Size];
            System.Array.Copy(buffer, offset, slice, 0, slice.Length);
            return slice;
        }
    }
}
