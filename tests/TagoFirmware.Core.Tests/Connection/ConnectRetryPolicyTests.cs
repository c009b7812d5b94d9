using nanoFramework.TestFramework;
using TagoFirmware.Connection;

namespace TagoFirmware.Tests.Connection
{
    [TestClass]
    public class ConnectRetryPolicyTests
    {
        [TestMethod]
        public void A_close_before_any_connack_tries_the_next_mqtt_version_at_once()
        {
            ProtocolFallback versions = new ProtocolFallback(0, "node-1");
            ConnectRetryPolicy policy = new ConnectRetryPolicy(versions);

            Assert.AreEqual(ConnectRetryPolicy.RetryNow, policy.Judge(false, -1, ConnectFailure.Communication, null));
            Assert.AreEqual(5, versions.Level);
            Assert.AreEqual("mqtt: closed before CONNACK; trying MQTT 5", policy.Text);
        }

        [TestMethod]
        [DataRow(4, "bad user name or password")]
        [DataRow(0x87, "not authorized")]
        public void A_credentials_refusal_waits_for_the_auth_retry_and_names_the_code(int code, string meaning)
        {
            ConnectRetryPolicy policy = new ConnectRetryPolicy(new ProtocolFallback(4, "node-1"));

            Assert.AreEqual(ConnectRetryPolicy.CredentialsRefused, policy.Judge(true, code, ConnectFailure.None, null));
            Assert.AreEqual("mqtt refused: bad credentials (CONNACK " + code.ToString() + ", " + meaning + ")", policy.Text);
        }

        [TestMethod]
        public void A_probable_refusal_waits_for_the_auth_retry_and_names_the_token_first_without_trying_another_version()
        {
            ProtocolFallback versions = new ProtocolFallback(0, "node-1");
            ConnectRetryPolicy policy = new ConnectRetryPolicy(versions);

            Assert.AreEqual(ConnectRetryPolicy.CredentialsRefused, policy.Judge(false, -1, ConnectFailure.ProbableAuthRefusal, null));
            Assert.AreEqual(4, versions.Level);
            Assert.AreEqual(0, policy.Text.IndexOf("mqtt: token probably refused"));
        }

        [TestMethod]
        public void The_first_failed_reconnect_after_a_drop_is_retried_once_then_it_backs_off()
        {
            ConnectRetryPolicy policy = new ConnectRetryPolicy(new ProtocolFallback(4, "node-1"));
            policy.Dropped();

            Assert.AreEqual(ConnectRetryPolicy.RetryNow, policy.Judge(false, -1, ConnectFailure.Communication, null));
            Assert.AreEqual("mqtt connect failed: communication; first reconnect after a drop, retrying once now", policy.Text);
            Assert.AreEqual(ConnectRetryPolicy.BackOff, policy.Judge(false, -1, ConnectFailure.Communication, null));
            Assert.AreEqual("mqtt connect failed: communication", policy.Text);
            Assert.AreEqual((int)ConnectFailure.Communication, (int)policy.LastFailure);
        }

        [TestMethod]
        public void A_failure_without_an_earlier_drop_backs_off_with_the_callers_cause_and_a_connection_clears_the_failure()
        {
            ConnectRetryPolicy policy = new ConnectRetryPolicy(new ProtocolFallback(4, "node-1"));

            Assert.AreEqual(ConnectRetryPolicy.BackOff, policy.Judge(false, -1, ConnectFailure.Timeout, "mqtt connect timed out after 30000 ms"));
            Assert.AreEqual("mqtt connect timed out after 30000 ms", policy.Text);
            Assert.AreEqual(ConnectRetryPolicy.BackOff, policy.Judge(true, 3, ConnectFailure.None, null));
            Assert.AreEqual("mqtt refused: CONNACK 3 (server unavailable)", policy.Text);
            policy.Connected();
            Assert.AreEqual((int)ConnectFailure.None, (int)policy.LastFailure);
        }
    }
}
