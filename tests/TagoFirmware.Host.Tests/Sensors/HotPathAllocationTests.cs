using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Diagnostics;
using TagoFirmware.Payload;
using TagoFirmware.Sensors;

namespace TagoFirmware.Host.Tests.Sensors
{
    /// <summary>The per-reading and per-publish paths of this area allocate nothing once constructed.</summary>
    [TestClass]
    public class HotPathAllocationTests
    {
        private sealed class SteadySensor : ITemperatureHumiditySensor
        {
            private int _n;

            public bool TryRead(out double celsius, out double percent)
            {
                _n++;
                celsius = 20.0 + (_n % 7) / 10.0;
                percent = 50.0 + (_n % 5) / 10.0;
                return _n % 11 != 0;
            }

            public void Reset()
            {
            }
        }

        [TestMethod]
        public void Sampling_with_dew_point_allocates_nothing()
        {
            ReadPipelineSettings settings = new ReadPipelineSettings(SensorModel.Dht22, false);
            settings.ComputeDewPoint = true;
            ReadPipeline pipeline = new ReadPipeline(new SteadySensor(), null, settings, new DiagnosticsCounters("1"));
            long now = 0;
            Run(pipeline, ref now, 50);

            long before = GC.GetAllocatedBytesForCurrentThread();
            int accepted = Run(pipeline, ref now, 500);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.IsTrue(accepted > 400, "most samples are accepted: " + accepted);
            Assert.AreEqual(0L, allocated);
        }

        [TestMethod]
        public void Writing_the_diagnostics_payload_allocates_nothing()
        {
            DiagnosticsCounters counters = new DiagnosticsCounters("1.0.0");
            counters.Values[1] = 100000; // heap_free
            counters.Values[14] = -60; // rssi
            TagoJsonWriter writer = new TagoJsonWriter(new byte[DiagnosticsPayload.RecommendedBufferSize], null, null);
            DiagnosticsPayload.Write(writer, counters, 1764085479000);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                counters.Values[0] = i; // uptime_s
                counters.Values[10] = i; // sensor_errors
                DiagnosticsPayload.Write(writer, counters, 1764085479000 + i);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated);
        }

        private static int Run(ReadPipeline pipeline, ref long now, int samples)
        {
            int accepted = 0;
            for (int s = 0; s < samples; s++)
            {
                pipeline.BeginSample();
                for (int i = 0; i < 20; i++)
                {
                    ReadStatus status = pipeline.Step(now);
                    now += 1000;
                    if (status == ReadStatus.Accepted)
                    {
                        accepted++;
                        break;
                    }

                    if (status == ReadStatus.Failed)
                    {
                        break;
                    }
                }

                now += 12000;
            }

            return accepted;
        }
    }
}
