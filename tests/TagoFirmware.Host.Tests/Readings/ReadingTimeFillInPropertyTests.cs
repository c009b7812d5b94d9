using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Readings;

namespace TagoFirmware.Host.Tests.Readings
{
    /// <summary>
    /// Random histories of boots with and without a valid clock, late syncs, deliveries, losses and compactions,
    /// checked against a model in which every reading knows its true time: readings come back with exactly their
    /// true time or not at all (never a 1970 or guessed time), untimed readings of a boot that never synced are
    /// dropped and counted, and a log cut at any byte never yields a reading with a wrong value or time.
    /// </summary>
    [TestClass]
    public sealed class ReadingTimeFillInPropertyTests
    {
        private const long T0 = 1764000000000;
        private const int Capacity = 4096;

        private sealed class ModelReading
        {
            public int Variable;
            public int Value;
            public int Decimals;
            public long TrueTime;
            public bool Untimed;
        }

        private sealed class Outcome
        {
            public FakeMemoryReadingStore Store;
            public List<ModelReading> Model;
            public Dictionary<int, ModelReading> ByValue;
        }

        // Ops: 0 cycle with a valid clock, 1-2 cycle without, 3 late sync, 4 deliver, 5 lose, 6 reboot, 7 compact.
        private static readonly Gen<int[]> s_ops = Gen.Int[0, 799].Array[1, 50];

        private static Outcome Run(int[] ops)
        {
            FakeMemoryReadingStore store = new FakeMemoryReadingStore();
            List<ModelReading> model = new List<ModelReading>();
            Dictionary<int, ModelReading> byValue = new Dictionary<int, ModelReading>();
            ReadingQueue queue = new ReadingQueue(Capacity, store);
            queue.Load();
            long now = T0;
            long bootStart = T0 - 5000;
            bool synced = false;
            int value = 1;

            void Sync()
            {
                synced = true;
                foreach (ModelReading r in model)
                {
                    r.Untimed = false;
                }
            }

            foreach (int op in ops)
            {
                int arg = op / 8;
                now += 60000;
                uint mono = (uint)(now - bootStart);
                switch (op % 8)
                {
                    case 0:
                    case 1:
                    case 2:
                        bool valid = op % 8 == 0;
                        queue.BeginCycle(valid ? now : 3000, valid, mono);
                        if (valid && !synced)
                        {
                            Sync();
                        }

                        for (int i = 0; i <= arg % 3; i++)
                        {
                            ModelReading r = new ModelReading { Variable = i, Value = value, Decimals = 1, TrueTime = now, Untimed = !synced };
                            Assert.IsTrue(queue.AddScaled(r.Variable, r.Value, r.Decimals));
                            model.Add(r);
                            byValue[value] = r;
                            value++;
                        }

                        queue.EndCycle();
                        break;
                    case 3:
                        int filled = queue.OnClockSynced(now, mono);
                        if (!synced)
                        {
                            Assert.AreEqual(model.Count(r => r.Untimed), filled);
                            Sync();
                        }
                        else
                        {
                            Assert.AreEqual(0, filled);
                        }

                        break;
                    case 4:
                    case 5:
                        int publishable = model.TakeWhile(r => !r.Untimed).Count();
                        Assert.AreEqual(publishable, queue.PublishableCount);
                        int n = Math.Min((arg % 6) + 1, publishable);
                        if (n > 0)
                        {
                            int ticket = queue.MarkInFlight(n, false);
                            if (op % 8 == 4)
                            {
                                queue.Acknowledge(ticket);
                                model.RemoveRange(0, n);
                            }
                            else
                            {
                                queue.ReturnInFlight(ticket);
                            }
                        }

                        break;
                    case 6:
                        int untimed = model.Count(r => r.Untimed);
                        model.RemoveAll(r => r.Untimed);
                        queue = new ReadingQueue(Capacity, store);
                        queue.Load();
                        Assert.AreEqual(untimed, queue.UntimedReadings, "untimed readings of the ended boot are counted");
                        bootStart = now - 3000;
                        synced = false;
                        break;
                    default:
                        Assert.IsTrue(queue.Compact());
                        break;
                }

                AssertMatches(model, queue);
            }

            return new Outcome { Store = store, Model = model, ByValue = byValue };
        }

        private static void AssertMatches(List<ModelReading> model, ReadingQueue queue)
        {
            Assert.AreEqual(model.Count, queue.PendingCount);
            for (int i = 0; i < model.Count; i++)
            {
                Assert.AreEqual(model[i].Value, queue.GetScaledValue(i));
                Assert.AreEqual(model[i].Untimed ? -1 : model[i].TrueTime, queue.GetTimeUnixMs(i), $"time of reading {model[i].Value}");
            }
        }

        [TestMethod]
        public void Readings_come_back_after_reboots_with_their_true_time_and_unsynced_boots_are_dropped()
        {
            s_ops.Sample(ops =>
            {
                Outcome o = Run(ops);
                List<ModelReading> expected = o.Model.Where(r => !r.Untimed).ToList();
                ReadingQueue reloaded = new ReadingQueue(Capacity, new FakeMemoryReadingStore(o.Store.Snapshot()));
                reloaded.Load();
                AssertMatches(expected, reloaded);
                Assert.AreEqual(o.Model.Count - expected.Count, reloaded.UntimedReadings);
            }, iter: 400, threads: 1);
        }

        [TestMethod]
        public void A_cut_log_never_yields_a_reading_with_a_wrong_value_or_time()
        {
            s_ops.Sample(ops =>
            {
                Outcome o = Run(ops);
                byte[] log = o.Store.Snapshot();
                for (int cut = 0; cut <= log.Length; cut++)
                {
                    ReadingQueue q = new ReadingQueue(Capacity, new FakeMemoryReadingStore(log.AsSpan(0, cut).ToArray()));
                    q.Load();
                    int last = 0;
                    for (int i = 0; i < q.PendingCount; i++)
                    {
                        int v = q.GetScaledValue(i);
                        Assert.IsTrue(o.ByValue.TryGetValue(v, out ModelReading r), $"cut {cut}: reading {v} was never taken");
                        Assert.AreEqual(r.TrueTime, q.GetTimeUnixMs(i), $"cut {cut}: time of reading {v}");
                        Assert.AreEqual(r.Variable, q.GetVariableIndex(i));
                        Assert.IsTrue(v > last, $"cut {cut}: reading {v} out of order");
                        last = v;
                    }

                    Assert.AreEqual(0, q.UntimedCount);
                }
            }, iter: 40, threads: 1);
        }
    }
}
