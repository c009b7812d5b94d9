using nanoFramework.TestFramework;
using TagoFirmware.Connection;

namespace TagoFirmware.Tests.Connection
{
    [TestClass]
    public class MqttFailureClassifierTests
    {
        [TestMethod]
        [DataRow((int)ConnectFailure.Dns, 0, -1, 10, (int)ConnectFailure.Dns)]
        [DataRow((int)ConnectFailure.Network, 111, -1, 10, (int)ConnectFailure.Network)]
        [DataRow((int)ConnectFailure.Network, -0x2700, -1, 10, (int)ConnectFailure.Tls)]
        [DataRow((int)ConnectFailure.Network, -0x7780, -1, 10, (int)ConnectFailure.Tls)]
        [DataRow((int)ConnectFailure.Network, -0x50, -1, 10, (int)ConnectFailure.Network)]
        [DataRow((int)ConnectFailure.Network, -0x42, -1, 10, (int)ConnectFailure.Network)]
        [DataRow((int)ConnectFailure.Network, -0x52, -1, 10, (int)ConnectFailure.Network)]
        [DataRow((int)ConnectFailure.Network, -0x53, -1, 10, (int)ConnectFailure.Tls)]
        [DataRow((int)ConnectFailure.Network, -1, -1, 10, (int)ConnectFailure.Tls)]
        [DataRow((int)ConnectFailure.Network, -0x6E00, -1, 10, (int)ConnectFailure.Tls)]
        [DataRow((int)ConnectFailure.Network, -0x7200, -1, 10, (int)ConnectFailure.Tls)]
        [DataRow((int)ConnectFailure.Tls, 0, -1, 10, (int)ConnectFailure.Tls)]
        [DataRow((int)ConnectFailure.Protocol, 0, -1, 10, (int)ConnectFailure.Protocol)]
        [DataRow((int)ConnectFailure.Timeout, 0, -1, 10, (int)ConnectFailure.Timeout)]
        [DataRow((int)ConnectFailure.Communication, 0, -1, 10, (int)ConnectFailure.Communication)]
        [DataRow((int)ConnectFailure.Communication, 0, -1, 24999, (int)ConnectFailure.Communication)]
        [DataRow((int)ConnectFailure.Communication, 0, -1, 25000, (int)ConnectFailure.Timeout)]
        [DataRow((int)ConnectFailure.Communication, 0, 5, 30000, (int)ConnectFailure.Communication)]
        [DataRow((int)ConnectFailure.Communication, 0, 0, 10, (int)ConnectFailure.Communication)]
        [DataRow((int)ConnectFailure.Internal, 0, -1, 10, (int)ConnectFailure.Internal)]
        public void A_socket_code_or_a_late_break_refines_what_the_adapter_said(int described, int socketCode, int connack, int elapsedMs, int expected)
        {
            Assert.AreEqual(expected, (int)MqttConnection.Classify((ConnectFailure)described, socketCode, connack, elapsedMs));
        }

        [TestMethod]
        [DataRow(-0x2700, "tls -0x2700: cert not trusted (CA, host, date)")]
        [DataRow(-0x7780, "fatal alert")]
        [DataRow(-0x7280, "closed in handshake")]
        [DataRow(-0x6800, "timed out")]
        [DataRow(-0x7F00, "out of memory")]
        [DataRow(-0x1234, "tls error -4660")]
        [DataRow(-0x6E00, "tls -0x6E00: TLS too old (1.2 required)")]
        [DataRow(-0x7200, "tls -0x7200: no TLS answer: wrong port?")]
        [DataRow(-0x7F00, "tls -0x7F00: out of memory")]
        public void Common_mbedtls_codes_are_named(int code, string words)
        {
            string text = MqttConnection.Explain(code);
            Assert.IsTrue(text.IndexOf(words) >= 0, text);
        }

        [TestMethod]
        public void Network_errors_need_no_explanation()
        {
            Assert.IsNull(MqttConnection.Explain(111));
            Assert.IsNull(MqttConnection.Explain(-0x50));
            Assert.IsNull(MqttConnection.Explain(0));
        }
    }
}
