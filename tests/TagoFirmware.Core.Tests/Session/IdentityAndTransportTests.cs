using System;
using nanoFramework.TestFramework;
using TagoFirmware.Connection;
using TagoFirmware.Node;
using TagoFirmware.Platform;

namespace TagoFirmware.Tests.Session
{
    [TestClass]
    public class IdentityAndTransportTests
    {
        [TestMethod]
        public void Client_id_from_mac_is_prefixed_lowercase_hex()
        {
            Assert.AreEqual("tago-a4cf12e3b1c0", NodeWiring.ClientIdFromMac(new byte[] { 0xA4, 0xCF, 0x12, 0xE3, 0xB1, 0xC0 }));
            Assert.AreEqual("tago-000000000001", NodeWiring.ClientIdFromMac(new byte[] { 0, 0, 0, 0, 0, 1 }));
        }

        [TestMethod]
        public void Client_id_is_the_same_for_the_same_mac()
        {
            byte[] mac = new byte[] { 0x24, 0x0A, 0xC4, 0x00, 0xFF, 0x10 };
            Assert.AreEqual(NodeWiring.ClientIdFromMac(mac), NodeWiring.ClientIdFromMac(new byte[] { 0x24, 0x0A, 0xC4, 0x00, 0xFF, 0x10 }));
        }

        [TestMethod]
        public void Bad_mac_gives_no_client_id()
        {
            Assert.IsNull(NodeWiring.ClientIdFromMac(null));
            Assert.IsNull(NodeWiring.ClientIdFromMac(new byte[5]));
            Assert.IsNull(NodeWiring.ClientIdFromMac(new byte[6]));
        }

        [TestMethod]
        [DataRow("sensors/{client_id}/data", "sensors/n1/data")]
        [DataRow("{client_id}/{client_id}", "n1/n1")]
        [DataRow("fixed/topic", "fixed/topic")]
        [DataRow("", "")]
        public void Topic_template_replaces_every_placeholder(string template, string expected)
        {
            Assert.AreEqual(expected, TagoFirmware.Config.NodeConfig.ExpandTopic(template, "n1"));
        }

        [TestMethod]
        public void Tago_transport_topics_follow_the_guide()
        {
            UplinkTransport t = UplinkTransport.TagoMqttJson("n1", null, null, null);
            Assert.AreEqual("sensors/n1/data", t.DataTopic);
            Assert.AreEqual("device/status/n1", t.StatusTopic);
            Assert.AreEqual("commands/n1/+", t.CommandTopicFilter);
            Assert.AreEqual("site/n1/up", UplinkTransport.TagoMqttJson("n1", "site/{client_id}/up", null, null).DataTopic);
        }

        [TestMethod]
        public void Status_payloads_are_the_exact_utf8_bytes()
        {
            UplinkTransport t = UplinkTransport.TagoMqttJson("n1", null, null, null);
            string online = "[{\"variable\":\"device_status\",\"value\":\"online\"}]";
            string offline = "[{\"variable\":\"device_status\",\"value\":\"offline\"}]";
            Assert.AreEqual(online.Length, t.OnlinePayload.Length);
            Assert.AreEqual(offline.Length, t.OfflinePayload.Length);
            char[] on = online.ToCharArray();
            for (int i = 0; i < on.Length; i++)
            {
                Assert.AreEqual((byte)on[i], t.OnlinePayload[i]);
            }

            char[] off = offline.ToCharArray();
            for (int i = 0; i < off.Length; i++)
            {
                Assert.AreEqual((byte)off[i], t.OfflinePayload[i]);
            }

            Assert.AreSame(t.OnlinePayload, t.OnlinePayload);
        }

        [TestMethod]
        public void Wall_clock_before_2025_counts_as_unset()
        {
            Assert.IsFalse(WallClock.IsValid(new DateTime(1970, 1, 1)));
            Assert.IsFalse(WallClock.IsValid(new DateTime(2024, 12, 31, 23, 59, 59)));
            Assert.IsTrue(WallClock.IsValid(new DateTime(2025, 1, 1)));
            Assert.IsTrue(WallClock.IsValid(new DateTime(2026, 11, 25)));
        }

        [TestMethod]
        public void Seeds_from_neighbouring_macs_differ_widely_and_are_stable()
        {
            int a = SeededRandomSource.SeedFromMac(new byte[] { 0x24, 0x0A, 0xC4, 0, 0, 1 }, 0);
            int b = SeededRandomSource.SeedFromMac(new byte[] { 0x24, 0x0A, 0xC4, 0, 0, 2 }, 0);
            Assert.AreEqual(a, SeededRandomSource.SeedFromMac(new byte[] { 0x24, 0x0A, 0xC4, 0, 0, 1 }, 0));
            Assert.IsTrue(a >= 0);
            Assert.IsTrue(b >= 0);
            int diff = a > b ? a - b : b - a;
            Assert.IsTrue(diff > 1000);
            Assert.AreNotEqual(a, SeededRandomSource.SeedFromMac(new byte[] { 0x24, 0x0A, 0xC4, 0, 0, 1 }, 1));
        }
    }
}
