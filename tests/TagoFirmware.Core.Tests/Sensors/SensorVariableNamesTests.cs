using nanoFramework.TestFramework;
using TagoFirmware.Sensors;

namespace TagoFirmware.Tests.Sensors
{
    [TestClass]
    public class SensorVariableNamesTests
    {
        /// <summary>Stands for a null suffix in data rows: a null attribute argument crashes the nanoFramework MetadataProcessor.</summary>
        private const string NoSuffix = "(null)";

        [TestMethod]
        [DataRow(0, 1, NoSuffix, "temperature", "humidity", "dew_point")]
        [DataRow(0, 2, NoSuffix, "temperature_1", "humidity_1", "dew_point_1")]
        [DataRow(1, 2, NoSuffix, "temperature_2", "humidity_2", "dew_point_2")]
        [DataRow(3, 4, NoSuffix, "temperature_4", "humidity_4", "dew_point_4")]
        [DataRow(0, 1, "_attic", "temperature_attic", "humidity_attic", "dew_point_attic")]
        [DataRow(2, 3, "", "temperature", "humidity", "dew_point")]
        [DataRow(2, 3, "2", "temperature2", "humidity2", "dew_point2")]
        public void Default_names_follow_the_suffix_rule(int index, int count, string suffix, string temperature,
            string humidity, string dewPoint)
        {
            SensorVariableNames names;
            suffix = suffix == NoSuffix ? null : suffix;
            Assert.AreEqual((int)VariableNamesError.None, (int)SensorVariableNames.TryCreateDefault(index, count, suffix, out names));
            Assert.AreEqual(temperature, names.Temperature);
            Assert.AreEqual(humidity, names.Humidity);
            Assert.AreEqual(dewPoint, names.DewPoint);
        }

        [TestMethod]
        public void Names_are_pre_encoded_as_utf8()
        {
            SensorVariableNames names;
            SensorVariableNames.TryCreateDefault(1, 2, null, out names);

            CollectionAssert.AreEqual(new byte[] { 116, 101, 109, 112, 101, 114, 97, 116, 117, 114, 101, 95, 50 }, names.TemperatureUtf8);
            Assert.AreEqual(10, names.HumidityUtf8.Length);
            Assert.AreEqual(11, names.DewPointUtf8.Length);
        }

        [TestMethod]
        [DataRow("Temp", "humidity", "dew_point", (int)VariableNamesError.InvalidTemperatureName)]
        [DataRow("temp", "hum-1", "dew_point", (int)VariableNamesError.InvalidHumidityName)]
        [DataRow("temp", "hum", "dew.point", (int)VariableNamesError.InvalidDewPointName)]
        [DataRow("temp", "hum", "", (int)VariableNamesError.InvalidDewPointName)]
        [DataRow("t", "t", "d", (int)VariableNamesError.DuplicateName)]
        [DataRow("t", "h", "h", (int)VariableNamesError.DuplicateName)]
        public void Bad_names_are_refused(string temperature, string humidity, string dewPoint, int expected)
        {
            SensorVariableNames names;
            Assert.AreEqual(expected, (int)SensorVariableNames.TryCreate(temperature, humidity, dewPoint, out names));
            Assert.IsNull(names);
        }

        [TestMethod]
        public void Configured_names_are_taken_as_given()
        {
            SensorVariableNames names;
            Assert.AreEqual((int)VariableNamesError.None, (int)SensorVariableNames.TryCreate("air_temp_attic", "rh_attic", "dp_attic", out names));
            Assert.AreEqual("rh_attic", names.Humidity);
        }

        [TestMethod]
        [DataRow(0, 1, "")]
        [DataRow(0, 2, "_1")]
        [DataRow(15, 16, "_16")]
        [DataRow(2, 2, "")]
        [DataRow(-1, 2, "")]
        public void The_default_suffix_numbers_sensors_from_one_when_there_are_several(int index, int count, string expected)
        {
            Assert.AreEqual(expected, SensorVariableNames.DefaultSuffix(index, count));
        }

        [TestMethod]
        public void Two_sensors_with_the_same_suffix_collide()
        {
            SensorVariableNames first;
            SensorVariableNames second;
            SensorVariableNames third;
            SensorVariableNames.TryCreateDefault(0, 3, "_2", out first);
            SensorVariableNames.TryCreateDefault(1, 3, null, out second);
            SensorVariableNames.TryCreateDefault(2, 3, null, out third);

            Assert.IsTrue(first.CollidesWith(second));
            Assert.IsFalse(second.CollidesWith(third));
            Assert.IsFalse(second.CollidesWith(null));
        }
    }
}
