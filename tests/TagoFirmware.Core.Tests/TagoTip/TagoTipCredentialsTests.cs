using nanoFramework.TestFramework;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Tests.TagoTip
{
    /// <summary>Serial and hash rules, the MQTT user name and password, and the topics.</summary>
    [TestClass]
    public class TagoTipCredentialsTests
    {
        [TestMethod]
        public void The_hash_splits_into_user_name_and_password_and_the_serial_names_the_topics()
        {
            TagoTipCredentials credentials = TagoTipCredentials.Create("sensor-01_A", "4DEEDD7BAB8817EC");

            Assert.AreEqual("4deedd7b", credentials.UserName);
            Assert.AreEqual("ab8817ec", credentials.Password);
            Assert.AreEqual("$tip/sensor-01_A/push", credentials.PushTopic);
            Assert.AreEqual("$tip/sensor-01_A/ack", credentials.AckTopic);
        }

        [TestMethod]
        [DataRow("a")]
        [DataRow("Sensor-01")]
        [DataRow("____----")]
        [DataRow("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
        public void Serials_of_letters_digits_underscore_and_hyphen_up_to_100_are_valid(string serial)
        {
            Assert.IsTrue(TagoTipCredentials.IsValidSerial(serial));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("a b")]
        [DataRow("a/b")]
        [DataRow("a+")]
        [DataRow("#")]
        [DataRow("ñ")]
        [DataRow("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
        public void Other_serials_are_refused(string serial)
        {
            Assert.IsFalse(TagoTipCredentials.IsValidSerial(serial));
            Assert.IsNull(TagoTipCredentials.Create(serial, "4deedd7bab8817ec"));
        }

        [TestMethod]
        [DataRow("4deedd7bab8817e")]
        [DataRow("4deedd7bab8817ecc")]
        [DataRow("4deedd7bab8817eg")]
        [DataRow("ate2bd319014b24e0a8aca9f00aea4c0d0")]
        [DataRow("")]
        public void Hashes_must_be_16_hex_characters(string hash)
        {
            Assert.IsFalse(TagoTipCredentials.IsValidHash(hash));
            Assert.IsNull(TagoTipCredentials.Create("node", hash));
        }
    }
}
