using TagoFirmware.Diagnostics;
using TagoFirmware.Sensors;

namespace TagoFirmware.Tests.Sensors
{
    /// <summary>
    /// Drives a pipeline the way the main loop does, with a simulated monotonic clock that jumps straight to
    /// <see cref="ReadPipeline.NextStepAtMs"/>, so whole samples run without real time.
    /// </summary>
    public static class PipelineDriver
    {
        /// <summary>Simulated monotonic time in ms (shared by the tests of one class; reset with <see cref="Now"/>).</summary>
        public static long Now;

        /// <summary>Begins a sample at <see cref="Now"/> and steps until it finishes (at most 1000 steps).</summary>
        public static ReadStatus RunSample(ReadPipeline pipeline)
        {
            pipeline.BeginSample();
            for (int i = 0; i < 1000; i++)
            {
                long next = pipeline.NextStepAtMs;
                if (next > Now && next != long.MaxValue)
                {
                    Now = next;
                }

                ReadStatus status = pipeline.Step(Now);
                if (status == ReadStatus.Accepted || status == ReadStatus.Failed)
                {
                    return status;
                }
            }

            return ReadStatus.Busy;
        }

        /// <summary>Creates a pipeline over a scripted sensor with standard settings for <paramref name="model"/>.</summary>
        public static ReadPipeline Create(SensorModel model, FakeSensor sensor)
        {
            return new ReadPipeline(sensor, null, new ReadPipelineSettings(model, false), new DiagnosticsCounters("t"));
        }
    }
}
