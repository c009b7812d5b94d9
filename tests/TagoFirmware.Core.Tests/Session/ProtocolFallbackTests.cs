using nanoFramework.TestFramework;
using TagoFirmware.Connection;

namespace TagoFirmware.Tests.Session
{
    /// <summary>The MQTT version fallback of the first connection: 3.1.1, then 5, then 3.1; kept for the boot; pinned by mqtt.protocol.</summary>
    [TestClass]
    public class ProtocolFallbackTests
    {
        [TestMethod]
        public void A_refused_protocol_version_moves_on_to_5_at_once_and_keeps_it()
        {
            SessionRig rig = new SessionRig();
            rig.Mqtt.RefusalCode = 1;
            rig.Mqtt.Script(ConnectBehaviour.RefuseWithCode);
            rig.Build();
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 10000));
            Assert.AreEqual(2, rig.Mqtt.AttemptLevels.Count);
            Assert.AreEqual(4, (int)rig.Mqtt.AttemptLevels[0]);
            Assert.AreEqual(5, (int)rig.Mqtt.AttemptLevels[1]);
            Assert.AreEqual(0, rig.Log.CountContaining("-> Backoff"), "no backoff between versions");
            Assert.AreEqual(1, rig.Log.CountContaining("protocol 5 accepted; kept until reboot"));

            rig.Mqtt.DropConnection();
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 60000));
            Assert.AreEqual(5, (int)rig.Mqtt.AttemptLevels[rig.Mqtt.AttemptLevels.Count - 1], "kept after a drop");
        }

        [TestMethod]
        public void Closes_before_connack_try_5_then_3_1()
        {
            SessionRig rig = new SessionRig();
            rig.Mqtt.Script(ConnectBehaviour.CloseBeforeConnack);
            rig.Mqtt.Script(ConnectBehaviour.CloseBeforeConnack);
            rig.Build();
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 10000));
            Assert.AreEqual(3, rig.Mqtt.AttemptLevels.Count);
            Assert.AreEqual(5, (int)rig.Mqtt.AttemptLevels[1]);
            Assert.AreEqual(3, (int)rig.Mqtt.AttemptLevels[2]);
            Assert.AreEqual(1, rig.Log.CountContaining("mqtt: closed before CONNACK; trying MQTT 5"));
        }

        [TestMethod]
        public void A_client_id_longer_than_23_characters_skips_3_1()
        {
            SessionRig rig = new SessionRig();
            rig.Options.ClientId = "a-client-id-of-30-characters--";
            rig.Mqtt.Script(ConnectBehaviour.CloseBeforeConnack);
            rig.Mqtt.Script(ConnectBehaviour.CloseBeforeConnack);
            rig.Build();
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 60000));
            for (int i = 0; i < rig.Mqtt.AttemptLevels.Count; i++)
            {
                Assert.AreNotEqual(3, (int)rig.Mqtt.AttemptLevels[i]);
            }
        }

        [TestMethod]
        public void A_pinned_version_is_the_only_one_tried()
        {
            SessionRig rig = new SessionRig();
            rig.Options.ProtocolLevel = 5;
            rig.Mqtt.RefusalCode = 0x84;
            rig.Mqtt.Script(ConnectBehaviour.RefuseWithCode);
            rig.Build();
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 60000));
            for (int i = 0; i < rig.Mqtt.AttemptLevels.Count; i++)
            {
                Assert.AreEqual(5, (int)rig.Mqtt.AttemptLevels[i]);
            }

            Assert.IsTrue(rig.Log.CountContaining("backoff") >= 1, "a plain retry");
        }

        [TestMethod]
        public void After_the_first_connection_a_version_refusal_is_an_ordinary_failure()
        {
            SessionRig rig = new SessionRig();
            rig.Build();
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 10000));
            rig.Mqtt.RefusalCode = 1;
            rig.Mqtt.Script(ConnectBehaviour.RefuseWithCode);
            rig.Mqtt.DropConnection();
            rig.Run(5000);
            for (int i = 0; i < rig.Mqtt.AttemptLevels.Count; i++)
            {
                Assert.AreEqual(4, (int)rig.Mqtt.AttemptLevels[i]);
            }
        }
    }
}
