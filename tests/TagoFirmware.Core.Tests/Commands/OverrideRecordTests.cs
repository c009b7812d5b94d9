using nanoFramework.TestFramework;
using TagoFirmware.Commands;

namespace TagoFirmware.Tests.Commands
{
    [TestClass]
    public class OverrideRecordTests
    {
        [TestMethod]
        public void Without_a_record_the_configuration_values_apply()
        {
            CommandProcessor overrides = CommandProcessorTests.Create(new FakeOverrideStore(), 7, 60, 5, null);

            Assert.IsNull(overrides.Load());
            Assert.AreEqual(60, overrides.IntervalSeconds);
            Assert.AreEqual(5, overrides.BatchSize);
        }

        [TestMethod]
        public void A_stored_record_applies_what_it_sets()
        {
            FakeOverrideStore store = new FakeOverrideStore();
            store.Record = CommandProcessor.EncodeRecord(0xCAFEBABE, 86400, 0);
            CommandProcessor overrides = CommandProcessorTests.Create(store, 0xCAFEBABE, 60, 5, null);

            Assert.AreEqual("applied", overrides.Load());
            Assert.AreEqual(86400, overrides.IntervalSeconds);
            Assert.AreEqual(5, overrides.BatchSize);
        }

        [TestMethod]
        public void The_record_layout_is_stable()
        {
            // Pinned bytes: a layout change must bump the record's version. CRC-32 (zlib) of the first 16 bytes at the end.
            byte[] record = CommandProcessor.EncodeRecord(0x04030201, 300, 10);
            Assert.AreEqual(20, record.Length);
            CollectionAssert.AreEqual(new byte[] { 0x4F, 0x56, 1, 3, 0x2C, 0x01, 0, 0, 10, 0, 0, 0, 1, 2, 3, 4 },
                Slice(record, 0, 16));
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(5)]
        [DataRow(9)]
        [DataRow(13)]
        [DataRow(19)]
        public void Any_flipped_byte_makes_the_record_corrupt(int index)
        {
            FakeOverrideStore store = new FakeOverrideStore();
            store.Record = CommandProcessor.EncodeRecord(7, 300, 10);
            store.Record[index] ^= 0x40;
            CommandProcessor overrides = CommandProcessorTests.Create(store, 7, 60, 5, null);

            Assert.AreEqual("record damaged, ignored", overrides.Load());
            Assert.AreEqual(60, overrides.IntervalSeconds);
            Assert.AreEqual(5, overrides.BatchSize);
        }

        [TestMethod]
        public void A_truncated_record_is_corrupt()
        {
            FakeOverrideStore store = new FakeOverrideStore();
            store.Record = new byte[] { 0x4F, 0x56, 1 };

            Assert.AreEqual("record damaged, ignored", CommandProcessorTests.Create(store, 7, 60, 5, null).Load());
        }

        [TestMethod]
        public void A_newly_deployed_configuration_resets_the_overrides_for_good()
        {
            FakeOverrideStore store = new FakeOverrideStore();
            store.Record = CommandProcessor.EncodeRecord(111, 300, 10);

            CommandProcessor withNewConfig = CommandProcessorTests.Create(store, 222, 60, 5, null);
            Assert.AreEqual("reset by a new configuration file", withNewConfig.Load());
            Assert.AreEqual(60, withNewConfig.IntervalSeconds);
            Assert.AreEqual(5, withNewConfig.BatchSize);

            // Going back to the old file does not bring the old overrides back.
            CommandProcessor withOldConfig = CommandProcessorTests.Create(store, 111, 60, 5, null);
            Assert.AreEqual("reset by a new configuration file", withOldConfig.Load());
            Assert.AreEqual(60, withOldConfig.IntervalSeconds);
        }

        [TestMethod]
        public void Overrides_outside_todays_limits_are_ignored()
        {
            FakeOverrideStore store = new FakeOverrideStore();
            store.Record = CommandProcessor.EncodeRecord(7, 10, 0);
            CommandProcessor overrides = CommandProcessorTests.Create(store, 7, 60, 5, null);

            Assert.AreEqual("outside today's limits, ignored", overrides.Load());
            Assert.AreEqual(60, overrides.IntervalSeconds);
        }

        [TestMethod]
        public void A_store_that_throws_counts_as_no_record()
        {
            CommandProcessor overrides = CommandProcessorTests.Create(new ThrowingOverrideStore(), 7, 60, 5, null);

            Assert.IsNull(overrides.Load());
        }

        private static byte[] Slice(byte[] source, int offset, int length)
        {
            byte[] result = new byte[length];
            System.Array.Copy(source, offset, result, 0, length);
            return result;
        }
    }
}
