using nanoFramework.TestFramework;
using TagoFirmware.Diagnostics;
using TagoFirmware.Sensors;

namespace TagoFirmware.Tests.Sensors
{
    [TestClass]
    public class ReadPipelineSettingsTests
    {
        [TestMethod]
        [DataRow(22, 2000, -400, 800, 0, 1000)]
        [DataRow(21, 2000, -400, 800, 0, 1000)]
        [DataRow(11, 1000, 0, 500, 200, 900)]
        public void Each_model_carries_its_datasheet_limits(int model, int gapMs, int minC, int maxC, int minH, int maxH)
        {
            ReadPipelineSettings spec = new ReadPipelineSettings((SensorModel)model, false);

            Assert.AreEqual(gapMs, spec.MinReadIntervalMs);
            Assert.AreEqual(minC, spec.MinTenthsCelsius);
            Assert.AreEqual(maxC, spec.MaxTenthsCelsius);
            Assert.AreEqual(minH, spec.MinTenthsPercent);
            Assert.AreEqual(maxH, spec.MaxTenthsPercent);
        }

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
            ReadPipelineSettings settings = new ReadPipelineSettings((SensorModel)model, false);
            settings.ReadsPerSample = reads;
            settings.RetriesPerSample = retries;

            Assert.AreEqual(expectedSeconds, settings.MinSamplingIntervalSeconds);
        }

        [TestMethod]
        public void The_standard_and_battery_presets_have_the_documented_values()
        {
            ReadPipelineSettings standard = new ReadPipelineSettings(SensorModel.Dht22, false);
            ReadPipelineSettings battery = new ReadPipelineSettings(SensorModel.Dht22, true);

            Assert.AreEqual(3, standard.ReadsPerSample);
            Assert.AreEqual(2, standard.RetriesPerSample);
            Assert.AreEqual(20, standard.StuckReadLimit);
            Assert.AreEqual(1, battery.ReadsPerSample);
            Assert.AreEqual(1, battery.RetriesPerSample);
            Assert.AreEqual(0, battery.StuckReadLimit);
            Assert.AreEqual(6, battery.MinSamplingIntervalSeconds);
        }

        [TestMethod]
        public void The_minimum_interval_comes_with_its_reason()
        {
            Assert.AreEqual("a DHT22 sample may need 6 reads 2 s apart",
                new ReadPipelineSettings(SensorModel.Dht22, false).MinSamplingIntervalReason);
        }

        [TestMethod]
        public void An_unknown_model_has_no_name_and_no_minimum_interval()
        {
            Assert.IsNull(new ReadPipelineSettings(SensorModel.None, false).ModelName);
            Assert.IsNull(new ReadPipelineSettings((SensorModel)42, false).ModelName);
            Assert.AreEqual(0, new ReadPipelineSettings(SensorModel.None, false).MinSamplingIntervalSeconds);
        }
    }
}
