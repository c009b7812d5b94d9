using System;
using System.Collections.Generic;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Diagnostics;
using TagoFirmware.Sensors;

namespace TagoFirmware.Host.Tests.Sensors
{
    /// <summary>
    /// Random raw-read sequences (good, failed, throwing, NaN, garbage, out of range, spikes) through the pipeline with
    /// an irregular main loop: it never throws, never accepts a value outside the model's range, keeps the read gap,
    /// and counts every failed sample exactly once.
    /// </summary>
    [TestClass]
    public class ReadPipelinePropertyTests
    {
        private sealed class RandomSensor : ITemperatureHumiditySensor
        {
            private readonly double[] _t;
            private readonly double[] _h;
            private readonly int[] _kind;
            private int _i;

            public int Reads => _i;

            public RandomSensor(double[] t, double[] h, int[] kind)
            {
                _t = t;
                _h = h;
                _kind = kind;
            }

            public bool TryRead(out double celsius, out double percent)
            {
                int i = _i++ % _kind.Length;
                celsius = _t[i];
                percent = _h[i];
                switch (_kind[i])
                {
                    case 0: return false;
                    case 1: throw new InvalidOperationException("adapter bug");
                    case 2: celsius = double.NaN; return true;
                    case 3: celsius = 0; percent = 1; return true;
                    default: return true;
                }
            }

            public void Reset()
            {
            }
        }

        private sealed class CountingSwitch : IPowerSwitch
        {
            public int Offs;
            public int Ons;

            public void SetPowered(bool on)
            {
                if (on) Ons++; else Offs++;
            }
        }

        [TestMethod]
        public void Random_read_sequences_keep_every_pipeline_invariant()
        {
            Gen<int[]> kinds = Gen.Int[0, 12].Array[1, 40];
            Gen.Select(Gen.Int[0, 2], kinds, Gen.Double[-60, 120].Array[40], Gen.Double[-10, 120].Array[40], Gen.Int[1, 5000].Array[1, 20], Gen.Bool)
                .Sample((m, kind, t, h, loopGaps, battery) =>
                {
                    SensorModel model = m == 0 ? SensorModel.Dht11 : (m == 1 ? SensorModel.Dht21 : SensorModel.Dht22);
                    ReadPipelineSettings settings = new ReadPipelineSettings(model, battery);
                    ReadPipelineSettings spec = settings;
                    settings.StuckReadLimit = battery ? 0 : 4;
                    DiagnosticsCounters counters = new DiagnosticsCounters("x");
                    CountingSwitch power = new CountingSwitch();
                    RandomSensor sensor = new RandomSensor(t, h, kind);
                    ReadPipeline pipeline = new ReadPipeline(sensor, power, settings, counters);

                    long now = 0;
                    long lastReadAt = long.MinValue;
                    int failed = 0;
                    for (int step = 0; step < 400; step++)
                    {
                        pipeline.BeginSample(); // false, and nothing, while a sample runs

                        int readsBefore = sensor.Reads;
                        ReadStatus status = pipeline.Step(now);
                        if (sensor.Reads != readsBefore)
                        {
                            Assert.IsTrue(lastReadAt == long.MinValue || now - lastReadAt >= spec.MinReadIntervalMs, "read gap kept");
                            lastReadAt = now;
                        }

                        if (status == ReadStatus.Accepted)
                        {
                            Assert.IsTrue(pipeline.TemperatureTenths >= spec.MinTenthsCelsius && pipeline.TemperatureTenths <= spec.MaxTenthsCelsius);
                            Assert.IsTrue(pipeline.HumidityTenths >= spec.MinTenthsPercent && pipeline.HumidityTenths <= spec.MaxTenthsPercent);
                        }
                        else if (status == ReadStatus.Failed)
                        {
                            failed++;
                            Assert.AreNotEqual(ReadFailure.None, pipeline.LastFailure);
                        }

                        now += loopGaps[step % loopGaps.Length];
                    }

                    Assert.AreEqual(failed, counters.SensorErrors);
                    Assert.IsTrue(power.Offs - power.Ons <= 1, "the supply is never switched off twice without being switched on");
                }, iter: 3000);
        }
    }
}
