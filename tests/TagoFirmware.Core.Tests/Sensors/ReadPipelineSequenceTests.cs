using nanoFramework.TestFramework;
using TagoFirmware.Diagnostics;
using TagoFirmware.Sensors;

namespace TagoFirmware.Tests.Sensors
{
    /// <summary>Several samples in a row: rate limiting, long failure runs, stuck sensors and power cycles.</summary>
    [TestClass]
    public class ReadPipelineSequenceTests
    {
        /// <summary>Repeats one token <paramref name="count"/> times, space separated.</summary>
        private static string Repeat(string token, int count)
        {
            string s = string.Empty;
            for (int i = 0; i < count; i++)
            {
                s += token + " ";
            }

            return s;
        }

        [TestMethod]
        public void A_jump_faster_than_the_rate_is_rejected_then_accepted_as_a_new_baseline()
        {
            PipelineDriver.Now = 0;
            // 0.5 °C/s: 20 s after the baseline a change of up to 10 °C is allowed; 30 °C is not.
            FakeSensor sensor = new FakeSensor("d " + Repeat("20.0/40.0", 3) + Repeat("50.0/40.0", 9));
            DiagnosticsCounters counters = new DiagnosticsCounters("t");
            ReadPipeline pipeline = new ReadPipeline(sensor, null, new ReadPipelineSettings(SensorModel.Dht22, false), counters);
            Assert.AreEqual((int)ReadStatus.Accepted, (int)PipelineDriver.RunSample(pipeline));

            PipelineDriver.Now += 14000;
            Assert.AreEqual((int)ReadStatus.Failed, (int)PipelineDriver.RunSample(pipeline));
            Assert.AreEqual((int)ReadFailure.RateLimited, (int)pipeline.LastFailure);
            Assert.AreEqual(200, pipeline.TemperatureTenths);
            PipelineDriver.Now += 14000;
            Assert.AreEqual((int)ReadStatus.Failed, (int)PipelineDriver.RunSample(pipeline));
            PipelineDriver.Now += 14000;
            Assert.AreEqual((int)ReadStatus.Accepted, (int)PipelineDriver.RunSample(pipeline));
            Assert.AreEqual(500, pipeline.TemperatureTenths);
            Assert.AreEqual(2, counters.SensorErrors);
        }

        [TestMethod]
        public void A_change_within_the_rate_times_the_elapsed_time_is_accepted()
        {
            PipelineDriver.Now = 0;
            FakeSensor sensor = new FakeSensor("d " + Repeat("20.0/40.0", 3) + Repeat("29.0/40.0", 3));
            ReadPipeline pipeline = PipelineDriver.Create(SensorModel.Dht22, sensor);
            PipelineDriver.RunSample(pipeline);
            long acceptedAt = PipelineDriver.Now; // the step that accepted the sample

            // The next sample ends 4 s (two gaps) after it begins: 16 s + 4 s = 20 s after the baseline → 10 °C allowed.
            PipelineDriver.Now = acceptedAt + 16000;
            Assert.AreEqual((int)ReadStatus.Accepted, (int)PipelineDriver.RunSample(pipeline));
            Assert.AreEqual(290, pipeline.TemperatureTenths);
        }

        [TestMethod]
        public void A_humidity_jump_faster_than_its_rate_is_rejected()
        {
            PipelineDriver.Now = 0;
            // 2 %RH/s: about 16 s later a change of 32 % is allowed; 60 % is not.
            FakeSensor sensor = new FakeSensor("d " + Repeat("20.0/30.0", 3) + Repeat("20.0/90.0", 3));
            ReadPipeline pipeline = PipelineDriver.Create(SensorModel.Dht22, sensor);
            PipelineDriver.RunSample(pipeline);

            PipelineDriver.Now += 12000;
            Assert.AreEqual((int)ReadStatus.Failed, (int)PipelineDriver.RunSample(pipeline));
            Assert.AreEqual((int)ReadFailure.RateLimited, (int)pipeline.LastFailure);
        }

        [TestMethod]
        public void A_zero_rate_disables_the_rate_check()
        {
            PipelineDriver.Now = 0;
            ReadPipelineSettings settings = new ReadPipelineSettings(SensorModel.Dht22, false);
            settings.MaxTemperatureRateTenthsPerSecond = 0;
            settings.MaxHumidityRateTenthsPerSecond = 0;
            FakeSensor sensor = new FakeSensor("d " + Repeat("-30.0/5.0", 3) + Repeat("70.0/95.0", 3));
            ReadPipeline pipeline = new ReadPipeline(sensor, null, settings, new DiagnosticsCounters("t"));
            PipelineDriver.RunSample(pipeline);

            PipelineDriver.Now += 12000;
            Assert.AreEqual((int)ReadStatus.Accepted, (int)PipelineDriver.RunSample(pipeline));
            Assert.AreEqual(700, pipeline.TemperatureTenths);
        }

        [TestMethod]
        public void A_long_failure_run_counts_every_sample_once_and_power_cycles_every_third()
        {
            PipelineDriver.Now = 0;
            FakeSensor sensor = new FakeSensor(string.Empty);
            FakePowerSwitch power = new FakePowerSwitch();
            DiagnosticsCounters counters = new DiagnosticsCounters("t");
            ReadPipeline pipeline = new ReadPipeline(sensor, power, new ReadPipelineSettings(SensorModel.Dht22, false), counters);

            for (int i = 0; i < 30; i++)
            {
                Assert.AreEqual((int)ReadStatus.Failed, (int)PipelineDriver.RunSample(pipeline));
                PipelineDriver.Now += 60000;
            }

            Assert.AreEqual(30, counters.SensorErrors);
            Assert.AreEqual(10, Count(power.Log, "off,"));
            Assert.IsTrue(sensor.Reads >= 90, "every failed sample used its retries");
        }

        [TestMethod]
        public void A_good_sample_after_a_failure_run_resets_the_consecutive_count()
        {
            PipelineDriver.Now = 0;
            // Failed, failed, accepted, failed, failed (the script is used up): without the reset the fourth sample
            // would be the third failure in a row and power-cycle the sensor.
            FakeSensor sensor = new FakeSensor("d x x x x x x 21.0/40.0 21.0/40.0 21.0/40.0");
            FakePowerSwitch power = new FakePowerSwitch();
            ReadPipeline pipeline = new ReadPipeline(sensor, power, new ReadPipelineSettings(SensorModel.Dht22, false), new DiagnosticsCounters("t"));
            for (int i = 0; i < 5; i++)
            {
                Assert.AreEqual(i == 2 ? (int)ReadStatus.Accepted : (int)ReadStatus.Failed, (int)PipelineDriver.RunSample(pipeline));
                PipelineDriver.Now += 60000;
            }

            Assert.AreEqual(0, Count(power.Log, "off,"));
        }

        [TestMethod]
        public void The_power_cycle_path_switches_off_waits_switches_on_settles_and_discards_one_read()
        {
            PipelineDriver.Now = 0;
            ReadPipelineSettings settings = new ReadPipelineSettings(SensorModel.Dht22, false);
            FakeSensor sensor = new FakeSensor("d x x x x x x x x x");
            FakePowerSwitch power = new FakePowerSwitch();
            ReadPipeline pipeline = new ReadPipeline(sensor, power, settings, new DiagnosticsCounters("t"));

            PipelineDriver.RunSample(pipeline);
            PipelineDriver.RunSample(pipeline);
            Assert.AreEqual(string.Empty, power.Log);
            PipelineDriver.RunSample(pipeline);
            long failedAt = PipelineDriver.Now;

            // Third consecutive failure: supply off at once.
            Assert.AreEqual("off,", power.Log);
            Assert.AreEqual(failedAt + 1000, pipeline.NextStepAtMs);

            // A sample requested while the sensor is off waits without reading.
            sensor.Load("d 23.0/45.0 23.0/45.0 23.0/45.0");
            int readsBefore = sensor.Reads;
            pipeline.BeginSample();
            Assert.AreEqual((int)ReadStatus.Busy, (int)pipeline.Step(failedAt + 999));
            Assert.AreEqual(readsBefore, sensor.Reads);
            Assert.IsFalse(power.IsOn);

            // Off time over: supply on, then the 1 s settle of the datasheet before any read.
            Assert.AreEqual((int)ReadStatus.Busy, (int)pipeline.Step(failedAt + 1000));
            Assert.AreEqual("off,on,", power.Log);
            Assert.AreEqual(failedAt + 2000, pipeline.NextStepAtMs);
            Assert.AreEqual((int)ReadStatus.Busy, (int)pipeline.Step(failedAt + 1999));
            Assert.AreEqual(readsBefore, sensor.Reads);

            // Then the first read (99/99, out of range) is discarded and the sample succeeds.
            PipelineDriver.Now = failedAt + 2000;
            ReadStatus status = ReadStatus.Busy;
            for (int i = 0; i < 10 && status == ReadStatus.Busy; i++)
            {
                long next = pipeline.NextStepAtMs;
                if (next > PipelineDriver.Now)
                {
                    PipelineDriver.Now = next;
                }

                status = pipeline.Step(PipelineDriver.Now);
            }

            Assert.AreEqual((int)ReadFailure.None, (int)pipeline.LastFailure);
            Assert.AreEqual(230, pipeline.TemperatureTenths);
            Assert.AreEqual(readsBefore + 4, sensor.Reads);
            Assert.AreEqual(1, Count(power.Log, "off,"));
        }

        [TestMethod]
        public void Without_a_power_switch_the_power_cycle_is_skipped()
        {
            PipelineDriver.Now = 0;
            ReadPipelineSettings settings = new ReadPipelineSettings(SensorModel.Dht22, false);
            ReadPipeline pipeline = new ReadPipeline(new FakeSensor("d x x x"), null, settings, new DiagnosticsCounters("t"));

            PipelineDriver.RunSample(pipeline);
            PipelineDriver.RunSample(pipeline);
            PipelineDriver.RunSample(pipeline);

            Assert.AreEqual(long.MaxValue, pipeline.NextStepAtMs, "no power phase to wait for");
        }

        [TestMethod]
        public void A_stuck_sensor_repeating_one_frame_fails_resets_and_power_cycles()
        {
            PipelineDriver.Now = 0;
            ReadPipelineSettings settings = new ReadPipelineSettings(SensorModel.Dht22, false);
            settings.StuckReadLimit = 5;
            FakeSensor sensor = new FakeSensor("d " + Repeat("21.7/48.3", 5) + "d 22.0/47.0 22.1/47.1 22.0/47.2");
            FakePowerSwitch power = new FakePowerSwitch();
            DiagnosticsCounters counters = new DiagnosticsCounters("t");
            ReadPipeline pipeline = new ReadPipeline(sensor, power, settings, counters);

            Assert.AreEqual((int)ReadStatus.Accepted, (int)PipelineDriver.RunSample(pipeline));
            PipelineDriver.Now += 60000;
            Assert.AreEqual((int)ReadStatus.Failed, (int)PipelineDriver.RunSample(pipeline));

            Assert.AreEqual((int)ReadFailure.StuckSensor, (int)pipeline.LastFailure);
            Assert.AreEqual(1, sensor.Resets);
            Assert.AreEqual("off,", power.Log);
            Assert.AreEqual(1, counters.SensorErrors);

            // After the power cycle a fresh, different frame is accepted again.
            PipelineDriver.Now += 60000;
            Assert.AreEqual((int)ReadStatus.Accepted, (int)PipelineDriver.RunSample(pipeline));
            Assert.AreEqual("off,on,", power.Log);
            Assert.AreEqual(220, pipeline.TemperatureTenths);
        }

        [TestMethod]
        public void A_stable_environment_costs_at_most_one_sample_to_stuck_detection()
        {
            PipelineDriver.Now = 0;
            ReadPipelineSettings settings = new ReadPipelineSettings(SensorModel.Dht22, false);
            settings.StuckReadLimit = 5;
            // Without a power switch: the reset alone; the read after it repeats the pair, so the pair is genuine.
            FakeSensor sensor = new FakeSensor("d " + Repeat("12.3/65.2", 40));
            ReadPipeline pipeline = new ReadPipeline(sensor, null, settings, new DiagnosticsCounters("t"));

            int accepted = 0;
            int failed = 0;
            for (int i = 0; i < 10; i++)
            {
                ReadStatus status = PipelineDriver.RunSample(pipeline);
                if (status == ReadStatus.Accepted)
                {
                    accepted++;
                }
                else
                {
                    failed++;
                }

                PipelineDriver.Now += 60000;
            }

            Assert.AreEqual(1, failed);
            Assert.AreEqual(9, accepted);
            Assert.AreEqual(1, sensor.Resets);
            Assert.AreEqual(123, pipeline.TemperatureTenths);
        }

        [TestMethod]
        public void Stuck_detection_rearms_when_the_pair_changes()
        {
            PipelineDriver.Now = 0;
            ReadPipelineSettings settings = new ReadPipelineSettings(SensorModel.Dht22, false);
            settings.StuckReadLimit = 3;
            settings.ReadsPerSample = 1;
            settings.RetriesPerSample = 0;
            // 3 identical → stuck; next repeats (disarm); changes (rearm); then 3 identical again → stuck.
            FakeSensor sensor = new FakeSensor("d 20.0/40.0 20.0/40.0 20.0/40.0 20.0/40.0 20.5/40.0 20.5/40.0 20.5/40.0");
            ReadPipeline pipeline = new ReadPipeline(sensor, null, settings, new DiagnosticsCounters("t"));
            string outcomes = string.Empty;
            for (int i = 0; i < 7; i++)
            {
                outcomes += PipelineDriver.RunSample(pipeline) == ReadStatus.Accepted ? "A" : "F";
                PipelineDriver.Now += 10000;
            }

            Assert.AreEqual("AAFAAAF", outcomes);
            Assert.AreEqual(2, sensor.Resets);
        }

        [TestMethod]
        public void Stuck_detection_is_off_with_a_zero_limit()
        {
            PipelineDriver.Now = 0;
            FakeSensor sensor = new FakeSensor("d " + Repeat("12.3/65.2", 30));
            ReadPipeline pipeline = new ReadPipeline(sensor, null, new ReadPipelineSettings(SensorModel.Dht22, true), new DiagnosticsCounters("t"));
            for (int i = 0; i < 30; i++)
            {
                Assert.AreEqual((int)ReadStatus.Accepted, (int)PipelineDriver.RunSample(pipeline));
                PipelineDriver.Now += 10000;
            }

            Assert.AreEqual(0, sensor.Resets);
        }

        private static int Count(string text, string part)
        {
            int n = 0;
            for (int i = text.IndexOf(part); i >= 0; i = text.IndexOf(part, i + part.Length))
            {
                n++;
            }

            return n;
        }
    }
}
