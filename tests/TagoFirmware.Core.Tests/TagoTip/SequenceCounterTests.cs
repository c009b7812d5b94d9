using nanoFramework.TestFramework;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Tests.TagoTip
{
    /// <summary>The persisted <c>!N</c>: strictly increasing across reboots and power cuts, one write per block.</summary>
    [TestClass]
    public class SequenceCounterTests
    {
        [TestMethod]
        public void A_new_device_starts_at_1_and_writes_once_per_block()
        {
            FakeSequenceStore store = new FakeSequenceStore();
            SequenceCounter counter = new SequenceCounter(store, 64);
            Assert.IsFalse(counter.Load());

            for (long expected = 1; expected <= 200; expected++)
            {
                Assert.AreEqual(expected, counter.Next());
            }

            Assert.AreEqual(4, store.Writes);
        }

        [TestMethod]
        public void A_reboot_never_reuses_a_value()
        {
            FakeSequenceStore store = new FakeSequenceStore();
            long last = 0;
            for (int boot = 0; boot < 20; boot++)
            {
                SequenceCounter counter = new SequenceCounter(store, 8);
                counter.Load();
                for (int i = 0; i < boot % 11; i++)
                {
                    long value = counter.Next();
                    Assert.IsTrue(value > last);
                    last = value;
                }
            }
        }

        [TestMethod]
        public void A_power_cut_at_any_byte_of_any_write_never_loses_the_last_good_reservation()
        {
            for (int write = 1; write <= 3; write++)
            {
                for (int cut = 0; cut < SequenceCounter.RecordSize; cut++)
                {
                    FakeSequenceStore store = new FakeSequenceStore();
                    SequenceCounter counter = new SequenceCounter(store, 4);
                    counter.Load();
                    long last = 0;
                    for (int i = 0; i < (write - 1) * 4; i++)
                    {
                        last = counter.Next();
                    }

                    // The next value needs a new block: its write is cut, so the value is never handed out.
                    store.CutNextWriteAt = cut;
                    Assert.AreEqual(-1L, counter.Next());
                    Assert.IsFalse(counter.Exhausted);

                    SequenceCounter rebooted = new SequenceCounter(store, 4);
                    Assert.AreEqual(write > 1, rebooted.Load());
                    long next = rebooted.Next();
                    Assert.IsTrue(next > last, "cut at byte " + cut.ToString() + " of write " + write.ToString());
                    Assert.IsTrue(rebooted.Next() > next);
                }
            }
        }

        [TestMethod]
        public void A_failed_write_hands_out_nothing_until_a_write_succeeds()
        {
            FakeSequenceStore store = new FakeSequenceStore();
            SequenceCounter counter = new SequenceCounter(store, 2);
            counter.Load();
            Assert.AreEqual(1L, counter.Next());
            Assert.AreEqual(2L, counter.Next());

            store.FailWrites = true;
            Assert.AreEqual(-1L, counter.Next());
            Assert.IsFalse(counter.Exhausted);

            store.FailWrites = false;
            Assert.AreEqual(3L, counter.Next());
        }

        [TestMethod]
        public void A_jump_is_persisted_at_once_and_survives_a_reboot()
        {
            FakeSequenceStore store = new FakeSequenceStore();
            SequenceCounter counter = new SequenceCounter(store, 64);
            counter.Load();
            counter.Next();
            Assert.IsTrue(counter.Advance(1000));
            Assert.AreEqual(1002L, counter.Peek);

            SequenceCounter rebooted = new SequenceCounter(store, 64);
            rebooted.Load();
            Assert.IsTrue(rebooted.Next() >= 1002L);
        }

        [TestMethod]
        public void The_counter_stops_at_the_top_of_the_u32_range_and_says_so()
        {
            FakeSequenceStore store = new FakeSequenceStore();
            SequenceCounter counter = new SequenceCounter(store, 64);
            counter.Load();
            Assert.IsTrue(counter.Advance(SequenceCounter.MaxValue - 2));
            Assert.AreEqual(SequenceCounter.MaxValue - 1, counter.Next());
            Assert.AreEqual(SequenceCounter.MaxValue, counter.Next());

            Assert.AreEqual(-1L, counter.Next());
            Assert.IsTrue(counter.Exhausted);
            Assert.IsFalse(counter.Advance(1));

            SequenceCounter rebooted = new SequenceCounter(store, 64);
            rebooted.Load();
            Assert.IsTrue(rebooted.Exhausted);
            Assert.AreEqual(-1L, rebooted.Next());
        }

        [TestMethod]
        public void An_erased_or_corrupt_slot_is_not_a_reservation()
        {
            FakeSequenceStore store = new FakeSequenceStore();
            byte[] erased = new byte[SequenceCounter.RecordSize];
            for (int i = 0; i < erased.Length; i++)
            {
                erased[i] = 0xFF;
            }

            store.Write(0, erased);
            store.Write(1, new byte[SequenceCounter.RecordSize]);
            SequenceCounter counter = new SequenceCounter(store, 64);

            Assert.IsFalse(counter.Load());
            Assert.AreEqual(1L, counter.Next());
        }

        [TestMethod]
        public void Without_a_store_the_counter_counts_in_ram_from_one()
        {
            SequenceCounter counter = new SequenceCounter(null, 2);

            Assert.IsFalse(counter.Load());
            Assert.AreEqual(1L, counter.Next());
            Assert.AreEqual(2L, counter.Next());
            Assert.AreEqual(3L, counter.Next());
            Assert.IsTrue(counter.Advance(10));
            Assert.AreEqual(14L, counter.Next());
        }
    }
}
