using nanoFramework.TestFramework;
using TagoFirmware.Sensors;

namespace TagoFirmware.Tests.Sensors
{
    [TestClass]
    public class ReadPipelineSettingsTests
    {
        [TestMethod]
        // (1 discard + reads + retries) × model gap, rounded up to whole seconds.
        [DataRow(22, 3, 2, 12)]
        [DataRow(21, 3, 2, 12)]
        [DataRow(11, 3, 2, 6)]
        [DataRow(22, 1, 1, 6)]
        [DataRow(11, 1, 1, 3)]
        [DataRow(22, 5, 5, 22)]
        [DataRow(11, 1, 0, 2)]
        public void The_minimum_sampling_interval_is_derived_from_reads_retries_and_the_model_gap(int model, int reads,
            int retries, int expectedSeconds)
        {
            ReadPipelineSettings settings = ReadPipelineSettings.Standard((SensorModel)model);
            settings.ReadsPerSample = reads;
            settings.RetriesPerSample = retries;

            Assert.AreEqual(expectedSeconds, settings.MinSamplingIntervalSeconds);
            Assert.AreEqual(expectedSeconds, new ReadPipeline(new FakeSensor(""), null, settings, null).MinSamplingIntervalSeconds);
        }

        [TestMethod]
        public void The_standard_and_battery_presets_have_the_documented_values()
        {
            ReadPipelineSettings standard = ReadPipelineSettings.Standard(SensorModel.Dht22);
            ReadPipelineSettings battery = ReadPipelineSettings.Battery(SensorModel.Dht22);

            Assert.AreEqual(3, standard.ReadsPerSample);
            Assert.AreEqual(2, standard.RetriesPerSample);
            Assert.AreEqual(20, standard.StuckReadLimit);
            Assert.AreEqual(3, standard.PowerCycleAfterFailures);
            Assert.AreEqual(1, battery.ReadsPerSample);
            Assert.AreEqual(1, battery.RetriesPerSample);
            Assert.AreEqual(0, battery.StuckReadLimit);
            Assert.AreEqual(6, battery.MinSamplingIntervalSeconds);
        }

        [TestMethod]
        public void The_minimum_interval_comes_with_its_reason()
        {
            Assert.AreEqual("a DHT22 sample may need 6 reads (1 discarded after power-up, 3 for the median, 2 retries) at least 2 s apart (DHT22 minimum sampling period)",
                ReadPipelineSettings.Standard(SensorModel.Dht22).MinSamplingIntervalReason);
            Assert.AreEqual("the sensor model is unknown", ReadPipelineSettings.Standard(SensorModel.None).MinSamplingIntervalReason);
        }

        [TestMethod]
        public void An_unknown_model_has_no_minimum_interval_and_does_not_validate()
        {
            ReadPipelineSettings settings = ReadPipelineSettings.Standard(SensorModel.None);

            Assert.AreEqual(0, settings.MinSamplingIntervalSeconds);
            Assert.AreEqual((int)ReadPipelineSettingsError.UnknownModel, (int)settings.Validate());
        }

        [TestMethod]
        [DataRow("reads", 2, (int)ReadPipelineSettingsError.ReadsPerSampleOutOfRange)]
        [DataRow("reads", 0, (int)ReadPipelineSettingsError.ReadsPerSampleOutOfRange)]
        [DataRow("reads", 5, (int)ReadPipelineSettingsError.None)]
        [DataRow("retries", -1, (int)ReadPipelineSettingsError.RetriesOutOfRange)]
        [DataRow("retries", 6, (int)ReadPipelineSettingsError.RetriesOutOfRange)]
        [DataRow("rejections", 101, (int)ReadPipelineSettingsError.RateRejectionsOutOfRange)]
        [DataRow("offset", 201, (int)ReadPipelineSettingsError.OffsetOutOfRange)]
        [DataRow("offset", -200, (int)ReadPipelineSettingsError.None)]
        [DataRow("stuck", 2, (int)ReadPipelineSettingsError.StuckLimitOutOfRange)]
        [DataRow("stuck", 0, (int)ReadPipelineSettingsError.None)]
        [DataRow("cycle", -1, (int)ReadPipelineSettingsError.PowerCycleOutOfRange)]
        [DataRow("off", 99, (int)ReadPipelineSettingsError.PowerOffTimeOutOfRange)]
        [DataRow("off", 60001, (int)ReadPipelineSettingsError.PowerOffTimeOutOfRange)]
        public void Each_out_of_range_setting_is_named_by_validation(string field, int value, int expected)
        {
            ReadPipelineSettings settings = ReadPipelineSettings.Standard(SensorModel.Dht22);
            if (field == "reads") settings.ReadsPerSample = value;
            if (field == "retries") settings.RetriesPerSample = value;
            if (field == "rejections") settings.MaxConsecutiveRateRejections = value;
            if (field == "offset") settings.HumidityOffsetTenths = value;
            if (field == "stuck") settings.StuckReadLimit = value;
            if (field == "cycle") settings.PowerCycleAfterFailures = value;
            if (field == "off") settings.PowerOffMs = value;

            Assert.AreEqual(expected, (int)settings.Validate());
        }

        [TestMethod]
        public void A_nan_or_negative_rate_does_not_validate()
        {
            ReadPipelineSettings settings = ReadPipelineSettings.Standard(SensorModel.Dht22);
            settings.MaxTemperatureRateCelsiusPerSecond = double.NaN;
            Assert.AreEqual((int)ReadPipelineSettingsError.RateOutOfRange, (int)settings.Validate());
            settings.MaxTemperatureRateCelsiusPerSecond = -0.1;
            Assert.AreEqual((int)ReadPipelineSettingsError.RateOutOfRange, (int)settings.Validate());
        }

        [TestMethod]
        public void Constructing_a_pipeline_with_invalid_settings_throws_argument_exception()
        {
            ReadPipelineSettings settings = ReadPipelineSettings.Standard(SensorModel.Dht22);
            settings.ReadsPerSample = 4;

            Assert.ThrowsException(typeof(System.ArgumentException), () => new ReadPipeline(new FakeSensor(""), null, settings, null));
        }

        [TestMethod]
        public void Changing_settings_after_construction_does_not_affect_the_pipeline()
        {
            ReadPipelineSettings settings = ReadPipelineSettings.Standard(SensorModel.Dht22);
            ReadPipeline pipeline = new ReadPipeline(new FakeSensor(""), null, settings, null);
            settings.ReadsPerSample = 1;

            Assert.AreEqual(12, pipeline.MinSamplingIntervalSeconds);
        }
    }
}
