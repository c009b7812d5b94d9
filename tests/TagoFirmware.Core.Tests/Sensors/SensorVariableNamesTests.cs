using nanoFramework.TestFramework;
using TagoFirmware.Sensors;

namespace TagoFirmware.Tests.Sensors
{
    [TestClass]
    public class SensorVariableNamesTests
    {
        [TestMethod]
        [DataRow(0, 1, "", "temperature", "humidity", "dew_point")]
        [DataRow(0, 2, "", "temperature", "humidity", "dew_point")]
        [DataRow(1, 2, "", "temperature_2", "humidity_2", "dew_point_2")]
        [DataRow(15, 16, "", "temperature_16", "humidity_16", "dew_point_16")]
        [DataRow(0, 1, "attic", "temperature_attic", "humidity_attic", "dew_point_attic")]
        [DataRow(2, 3, "cellar_1", "temperature_cellar_1", "humidity_cellar_1", "dew_point_cellar_1")]
        public void Names_follow_the_suffix_rule(int index, int count, string suffix, string temperature, string humidity,
            string dewPoint)
        {
            SensorVariableNames names;
            Assert.AreEqual((int)VariableNamesError.None, (int)SensorVariableNames.TryCreate(index, count, suffix, out names));
            Assert.AreEqual(temperature, names.Temperature);
            Assert.AreEqual(humidity, names.Humidity);
            Assert.AreEqual(dewPoint, names.DewPoint);
        }

        [TestMethod]
        public void Names_are_pre_encoded_as_utf8()
        {
            SensorVariableNames names;
            SensorVariableNames.TryCreate(1, 2, null, out names);

            CollectionAssert.AreEqual(new byte[] { 116, 101, 109, 112, 101, 114, 97, 116, 117, 114, 101, 95, 50 }, names.TemperatureUtf8);
            Assert.AreEqual(10, names.HumidityUtf8.Length);
            Assert.AreEqual(11, names.DewPointUtf8.Length);
        }

        [TestMethod]
        [DataRow(0, 0, "", (int)VariableNamesError.IndexOutOfRange)]
        [DataRow(2, 2, "", (int)VariableNamesError.IndexOutOfRange)]
        [DataRow(-1, 2, "", (int)VariableNamesError.IndexOutOfRange)]
        [DataRow(0, 17, "", (int)VariableNamesError.IndexOutOfRange)]
        [DataRow(0, 1, "Attic", (int)VariableNamesError.InvalidSuffix)]
        [DataRow(0, 1, "a-b", (int)VariableNamesError.InvalidSuffix)]
        [DataRow(0, 1, "a.b", (int)VariableNamesError.InvalidSuffix)]
        [DataRow(0, 1, "a b", (int)VariableNamesError.InvalidSuffix)]
        [DataRow(0, 1, "abcdefghijklmnopqrstuvwxyz0123456", (int)VariableNamesError.InvalidSuffix)]
        public void Bad_positions_and_suffixes_are_refused(int index, int count, string suffix, int expected)
        {
            SensorVariableNames names;
            Assert.AreEqual(expected, (int)SensorVariableNames.TryCreate(index, count, suffix, out names));
            Assert.IsNull(names);
        }

        [TestMethod]
        public void A_configured_suffix_that_repeats_an_automatic_one_collides()
        {
            SensorVariableNames first;
            SensorVariableNames second;
            SensorVariableNames third;
            SensorVariableNames.TryCreate(0, 3, "2", out first);
            SensorVariableNames.TryCreate(1, 3, null, out second);
            SensorVariableNames.TryCreate(2, 3, null, out third);

            Assert.IsTrue(first.CollidesWith(second));
            Assert.IsFalse(second.CollidesWith(third));
            Assert.IsFalse(second.CollidesWith(null));
        }
    }
}
