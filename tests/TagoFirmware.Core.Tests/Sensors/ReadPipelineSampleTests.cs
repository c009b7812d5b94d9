using nanoFramework.TestFramework;
using TagoFirmware.Diagnostics;
using TagoFirmware.Sensors;

namespace TagoFirmware.Tests.Sensors
{
    /// <summary>
    /// One sample from a freshly powered pipeline over a scripted sequence of raw reads (the first token is always
    /// the read discarded after power-up). Expected values are tenths; status and failure are the enum values.
    /// </summary>
    [TestClass]
    public class ReadPipelineSampleTests
    {
        private const int Accepted = (int)ReadStatus.Accepted;
        private const int Failed = (int)ReadStatus.Failed;

        [TestMethod]
        // Plain good reads: median per channel.
        [DataRow(22, "d 21.5/40.2 21.6/40.1 21.4/40.3", Accepted, 215, 402, 0)]
        // Negative temperatures (DHT22 sign bit decoded by the binding).
        [DataRow(22, "d -10.1/55.0 -10.3/55.2 -10.2/55.1", Accepted, -102, 551, 0)]
        [DataRow(21, "d -39.9/10.0 -39.8/10.0 -39.9/10.1", Accepted, -399, 100, 0)]
        // Range edges are accepted.
        [DataRow(22, "d -40.0/0.0 -40.0/0.0 -40.0/0.0", Accepted, -400, 0, 0)]
        [DataRow(22, "d 80.0/100.0 80.0/100.0 80.0/100.0", Accepted, 800, 1000, 0)]
        // Humidity over 100 % uses a retry, the sample still succeeds.
        [DataRow(22, "d 20.0/100.1 20.0/50.0 20.1/50.1 20.2/50.2", Accepted, 201, 501, 0)]
        // A single spike inside a sample is removed by the median.
        [DataRow(22, "d 21.0/40.0 79.0/40.0 21.2/40.4", Accepted, 212, 400, 0)]
        // Failures within the retry budget (2) are absorbed.
        [DataRow(22, "d x 21.0/40.0 x 21.0/40.0 21.0/40.0", Accepted, 210, 400, 0)]
        // The discarded first read may itself fail: it is discarded, not counted.
        [DataRow(22, "x 21.0/40.0 21.0/40.0 21.0/40.0", Accepted, 210, 400, 0)]
        // ESPHome's known-garbage frames (valid checksum): 0 °C with 1 % and 2 %, 0.1 °C with 1 %.
        [DataRow(22, "d 0.0/1.0 0.0/2.0 0.1/1.0", Failed, 0, 0, (int)ReadFailure.GarbageFrame)]
        [DataRow(22, "d 0.0/1.0 0.0/2.0 5.0/30.0 5.0/30.0 5.0/30.0", Accepted, 50, 300, 0)]
        // 0 °C with a normal humidity is a real reading.
        [DataRow(22, "d 0.0/45.0 0.0/45.0 0.0/45.0", Accepted, 0, 450, 0)]
        // Too many failures: retries (2) exhausted on the third bad read.
        [DataRow(22, "d x x x 21.0/40.0", Failed, 0, 0, (int)ReadFailure.ReadFailed)]
        [DataRow(22, "d 20.0/100.1 20.0/100.1 20.0/100.1", Failed, 0, 0, (int)ReadFailure.OutOfRange)]
        [DataRow(22, "d -40.1/50.0 -40.1/50.0 -40.1/50.0", Failed, 0, 0, (int)ReadFailure.OutOfRange)]
        [DataRow(22, "d nan nan nan", Failed, 0, 0, (int)ReadFailure.NotFinite)]
        // An adapter that throws is a failed read, never a crash.
        [DataRow(22, "d ! ! ! ", Failed, 0, 0, (int)ReadFailure.ReadFailed)]
        // The script ends: the sensor stops answering.
        [DataRow(22, "d 21.0/40.0", Failed, 0, 0, (int)ReadFailure.ReadFailed)]
        // DHT11 range: 0…50 °C, 20…90 %RH.
        [DataRow(11, "d 23.0/45.0 24.0/46.0 23.0/45.0", Accepted, 230, 450, 0)]
        [DataRow(11, "d 55.0/45.0 55.0/45.0 55.0/45.0", Failed, 0, 0, (int)ReadFailure.OutOfRange)]
        [DataRow(11, "d 20.0/19.0 20.0/95.0 -1.0/50.0", Failed, 0, 0, (int)ReadFailure.OutOfRange)]
        [DataRow(11, "d 0.0/20.0 50.0/90.0 25.0/55.0", Accepted, 250, 550, 0)]
        public void A_sample_over_a_script_gives_the_expected_outcome(int model, string script, int status, int tenthsCelsius,
            int tenthsPercent, int failure)
        {
            PipelineDriver.Now = 0;
            FakeSensor sensor = new FakeSensor(script);
            ReadPipeline pipeline = PipelineDriver.Create((SensorModel)model, sensor);

            ReadStatus result = PipelineDriver.RunSample(pipeline);

            Assert.AreEqual(status, (int)result);
            Assert.AreEqual(failure, (int)pipeline.LastFailure);
            if (result == ReadStatus.Accepted)
            {
                Assert.AreEqual(tenthsCelsius, pipeline.TemperatureTenths);
                Assert.AreEqual(tenthsPercent, pipeline.HumidityTenths);
            }
        }

        [TestMethod]
        public void The_first_read_after_power_up_is_discarded()
        {
            PipelineDriver.Now = 0;
            // 99/99 would fail the range check; it never gets that far.
            FakeSensor sensor = new FakeSensor("d 21.0/40.0 21.0/40.0 21.0/40.0");
            ReadPipeline pipeline = PipelineDriver.Create(SensorModel.Dht22, sensor);

            Assert.AreEqual((int)ReadStatus.Accepted, (int)PipelineDriver.RunSample(pipeline));
            Assert.AreEqual(4, sensor.Reads);
        }

        [TestMethod]
        public void Only_the_first_sample_discards_a_read()
        {
            PipelineDriver.Now = 0;
            FakeSensor sensor = new FakeSensor("d 21.0/40.0 21.0/40.0 21.0/40.0 22.0/41.0 22.0/41.0 22.0/41.0");
            ReadPipeline pipeline = PipelineDriver.Create(SensorModel.Dht22, sensor);
            PipelineDriver.RunSample(pipeline);
            PipelineDriver.Now += 60000;

            Assert.AreEqual((int)ReadStatus.Accepted, (int)PipelineDriver.RunSample(pipeline));
            Assert.AreEqual(220, pipeline.TemperatureTenths);
            Assert.AreEqual(7, sensor.Reads);
        }

        [TestMethod]
        [DataRow(22, 2000)]
        [DataRow(21, 2000)]
        [DataRow(11, 1000)]
        public void Raw_reads_keep_the_model_minimum_gap(int model, int gapMs)
        {
            FakeSensor sensor = new FakeSensor("d 21.0/40.0 21.0/40.0 21.0/40.0");
            ReadPipeline pipeline = PipelineDriver.Create((SensorModel)model, sensor);
            pipeline.BeginSample();

            Assert.AreEqual((int)ReadStatus.Busy, (int)pipeline.Step(5000));
            Assert.AreEqual(1, sensor.Reads);
            Assert.AreEqual((int)ReadStatus.Busy, (int)pipeline.Step(5000 + gapMs - 1));
            Assert.AreEqual(1, sensor.Reads);
            Assert.AreEqual(5000L + gapMs, pipeline.NextStepAtMs);
            Assert.AreEqual((int)ReadStatus.Busy, (int)pipeline.Step(5000 + gapMs));
            Assert.AreEqual(2, sensor.Reads);
        }

        [TestMethod]
        public void A_new_sample_cannot_begin_while_one_is_running()
        {
            FakeSensor sensor = new FakeSensor("d 21.0/40.0 21.0/40.0 21.0/40.0");
            ReadPipeline pipeline = PipelineDriver.Create(SensorModel.Dht22, sensor);

            Assert.IsTrue(pipeline.BeginSample());
            Assert.IsFalse(pipeline.BeginSample());
        }

        [TestMethod]
        public void An_idle_pipeline_reads_nothing_and_has_no_pending_work()
        {
            FakeSensor sensor = new FakeSensor("21.0/40.0");
            ReadPipeline pipeline = PipelineDriver.Create(SensorModel.Dht22, sensor);

            Assert.AreEqual((int)ReadStatus.Idle, (int)pipeline.Step(100000));
            Assert.AreEqual(0, sensor.Reads);
            Assert.AreEqual(long.MaxValue, pipeline.NextStepAtMs);
        }

        [TestMethod]
        public void Calibration_offsets_are_added_to_the_median_and_humidity_is_clamped()
        {
            PipelineDriver.Now = 0;
            ReadPipelineSettings settings = new ReadPipelineSettings(SensorModel.Dht22, false);
            settings.TemperatureOffsetTenths = -15;
            settings.HumidityOffsetTenths = 20;
            FakeSensor sensor = new FakeSensor("d 21.0/99.0 21.0/99.5 21.2/99.9 21.0/50.0 21.0/50.0 21.0/50.0");
            ReadPipeline pipeline = new ReadPipeline(sensor, null, settings, new DiagnosticsCounters("t"));

            PipelineDriver.RunSample(pipeline);
            Assert.AreEqual(195, pipeline.TemperatureTenths);
            Assert.AreEqual(1000, pipeline.HumidityTenths);

            PipelineDriver.Now += 60000;
            PipelineDriver.RunSample(pipeline);
            Assert.AreEqual(520, pipeline.HumidityTenths);
        }

        [TestMethod]
        public void Battery_settings_accept_a_single_good_read()
        {
            PipelineDriver.Now = 0;
            FakeSensor sensor = new FakeSensor("d x 18.3/61.7");
            ReadPipeline pipeline = new ReadPipeline(sensor, null, new ReadPipelineSettings(SensorModel.Dht22, true), new DiagnosticsCounters("t"));

            Assert.AreEqual((int)ReadStatus.Accepted, (int)PipelineDriver.RunSample(pipeline));
            Assert.AreEqual(183, pipeline.TemperatureTenths);
            Assert.AreEqual(617, pipeline.HumidityTenths);
            Assert.AreEqual(3, sensor.Reads);
        }

        [TestMethod]
        public void Battery_settings_fail_after_one_retry()
        {
            PipelineDriver.Now = 0;
            FakeSensor sensor = new FakeSensor("d x x 18.3/61.7");
            ReadPipeline pipeline = new ReadPipeline(sensor, null, new ReadPipelineSettings(SensorModel.Dht22, true), new DiagnosticsCounters("t"));

            Assert.AreEqual((int)ReadStatus.Failed, (int)PipelineDriver.RunSample(pipeline));
            Assert.AreEqual(3, sensor.Reads);
        }

        [TestMethod]
        public void Dew_point_is_published_only_when_enabled()
        {
            PipelineDriver.Now = 0;
            ReadPipelineSettings settings = new ReadPipelineSettings(SensorModel.Dht22, false);
            settings.ComputeDewPoint = true;
            ReadPipeline withDew = new ReadPipeline(new FakeSensor("d 20.0/50.0 20.0/50.0 20.0/50.0"), null, settings, new DiagnosticsCounters("t"));
            ReadPipeline without = PipelineDriver.Create(SensorModel.Dht22, new FakeSensor("d 20.0/50.0 20.0/50.0 20.0/50.0"));

            PipelineDriver.RunSample(withDew);
            PipelineDriver.RunSample(without);

            Assert.IsTrue(withDew.HasDewPoint);
            Assert.AreEqual(93, withDew.DewPointTenths);
            Assert.IsFalse(without.HasDewPoint);
        }

        [TestMethod]
        public void Zero_humidity_has_no_dew_point()
        {
            PipelineDriver.Now = 0;
            ReadPipelineSettings settings = new ReadPipelineSettings(SensorModel.Dht22, false);
            settings.ComputeDewPoint = true;
            ReadPipeline pipeline = new ReadPipeline(new FakeSensor("d 20.0/0.0 20.0/0.0 20.0/0.0"), null, settings, new DiagnosticsCounters("t"));

            Assert.AreEqual((int)ReadStatus.Accepted, (int)PipelineDriver.RunSample(pipeline));
            Assert.IsFalse(pipeline.HasDewPoint);
        }
    }
}
