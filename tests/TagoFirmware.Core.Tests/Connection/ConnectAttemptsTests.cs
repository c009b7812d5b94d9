using nanoFramework.TestFramework;
using TagoFirmware.Connection;

namespace TagoFirmware.Tests.Connection
{
    [TestClass]
    public class ConnectAttemptsTests
    {
        [TestMethod]
        public void A_close_before_any_connack_tries_the_next_mqtt_version_at_once()
        {
            ConnectAttempts attempts = Attempts(0);

            Assert.AreEqual(ConnectAttempts.RetryNow, attempts.Judge(false, -1, ConnectFailure.Communication, null));
            Assert.AreEqual(5, attempts.Request.ProtocolLevel);
            Assert.AreEqual("mqtt: closed before CONNACK; trying MQTT 5", attempts.Text);
        }

        [TestMethod]
        [DataRow(4, "bad user name or password")]
        [DataRow(0x87, "not authorized")]
        public void A_credentials_refusal_waits_for_the_auth_retry_and_names_the_code(int code, string meaning)
        {
            ConnectAttempts attempts = Attempts(4);

            Assert.AreEqual(ConnectAttempts.CredentialsRefused, attempts.Judge(true, code, ConnectFailure.None, null));
            Assert.AreEqual("mqtt refused: bad credentials (CONNACK " + code.ToString() + ", " + meaning + ")", attempts.Text);
        }

        [TestMethod]
        public void A_probable_refusal_waits_for_the_auth_retry_and_names_the_token_first_without_trying_another_version()
        {
            ConnectAttempts attempts = Attempts(0);

            Assert.AreEqual(ConnectAttempts.CredentialsRefused, attempts.Judge(false, -1, ConnectFailure.ProbableAuthRefusal, null));
            Assert.AreEqual(4, attempts.Request.ProtocolLevel);
            Assert.AreEqual(0, attempts.Text.IndexOf("mqtt: token probably refused"));
        }

        [TestMethod]
        public void The_first_failed_reconnect_after_a_drop_is_retried_once_then_it_backs_off()
        {
            ConnectAttempts attempts = Attempts(4);
            attempts.Dropped();

            Assert.AreEqual(ConnectAttempts.RetryNow, attempts.Judge(false, -1, ConnectFailure.Communication, null));
            Assert.AreEqual("mqtt connect failed: communication; first reconnect after a drop, retrying once now", attempts.Text);
            Assert.AreEqual(ConnectAttempts.BackOff, attempts.Judge(false, -1, ConnectFailure.Communication, null));
            Assert.AreEqual("mqtt connect failed: communication", attempts.Text);
        }

        [TestMethod]
        public void A_failure_without_an_earlier_drop_backs_off_with_the_callers_cause_or_the_refusal_meaning()
        {
            ConnectAttempts attempts = Attempts(4);

            Assert.AreEqual(ConnectAttempts.BackOff, attempts.Judge(false, -1, ConnectFailure.Timeout, "mqtt connect timed out after 30000 ms"));
            Assert.AreEqual("mqtt connect timed out after 30000 ms", attempts.Text);
            Assert.AreEqual(ConnectAttempts.BackOff, attempts.Judge(true, 3, ConnectFailure.None, null));
            Assert.AreEqual("mqtt refused: CONNACK 3 (server unavailable)", attempts.Text);
        }

        [TestMethod]
        [DataRow(4, true)]
        [DataRow(5, true)]
        [DataRow(0x86, true)]
        [DataRow(0x87, true)]
        [DataRow(0, false)]
        [DataRow(3, false)]
        [DataRow(-1, false)]
        [DataRow(0x88, false)]
        public void Credentials_refusal_codes_are_4_5_0x86_0x87(int code, bool refusal)
        {
            Assert.AreEqual(refusal, ConnectAttempts.IsCredentialsRefusal(code));
        }

        private static ConnectAttempts Attempts(int protocolLevel)
        {
            SessionOptions options = new SessionOptions { ClientId = "node-1", Password = "t", ProtocolLevel = protocolLevel };
            return new ConnectAttempts(options, new TagoMqttJsonTransport("node-1", null, null, null));
        }
    }
}
