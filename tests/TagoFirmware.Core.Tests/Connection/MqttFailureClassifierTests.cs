using nanoFramework.TestFramework;
using TagoFirmware.Connection;

namespace TagoFirmware.Tests.Connection
{
    [TestClass]
    public class MqttFailureClassifierTests
    {
        [TestMethod]
        [DataRow((int)ConnectError.Lookup, 0, -1, 10, (int)ConnectFailure.Dns)]
        [DataRow((int)ConnectError.Socket, 111, -1, 10, (int)ConnectFailure.Network)]
        [DataRow((int)ConnectError.Socket, -0x2700, -1, 10, (int)ConnectFailure.Tls)]
        [DataRow((int)ConnectError.Socket, -0x7780, -1, 10, (int)ConnectFailure.Tls)]
        [DataRow((int)ConnectError.Socket, -0x50, -1, 10, (int)ConnectFailure.Network)]
        [DataRow((int)ConnectError.Socket, -0x42, -1, 10, (int)ConnectFailure.Network)]
        [DataRow((int)ConnectError.Socket, -0x52, -1, 10, (int)ConnectFailure.Network)]
        [DataRow((int)ConnectError.Socket, -0x53, -1, 10, (int)ConnectFailure.Tls)]
        [DataRow((int)ConnectError.Socket, -1, -1, 10, (int)ConnectFailure.Tls)]
        [DataRow((int)ConnectError.Handshake, 0, -1, 10, (int)ConnectFailure.Tls)]
        [DataRow((int)ConnectError.CertificateExpired, 0, -1, 10, (int)ConnectFailure.Tls)]
        [DataRow((int)ConnectError.TlsVersion, 0, -1, 10, (int)ConnectFailure.Tls)]
        [DataRow((int)ConnectError.NotTls, 0, -1, 10, (int)ConnectFailure.Tls)]
        [DataRow((int)ConnectError.Socket, -0x6E00, -1, 10, (int)ConnectFailure.Tls)]
        [DataRow((int)ConnectError.Socket, -0x7200, -1, 10, (int)ConnectFailure.Tls)]
        [DataRow((int)ConnectError.Protocol, 0, -1, 10, (int)ConnectFailure.Protocol)]
        [DataRow((int)ConnectError.Timeout, 0, -1, 10, (int)ConnectFailure.Timeout)]
        [DataRow((int)ConnectError.Exchange, 0, -1, 10, (int)ConnectFailure.Communication)]
        [DataRow((int)ConnectError.Exchange, 0, -1, 24999, (int)ConnectFailure.Communication)]
        [DataRow((int)ConnectError.Exchange, 0, -1, 25000, (int)ConnectFailure.Timeout)]
        [DataRow((int)ConnectError.Exchange, 0, 5, 30000, (int)ConnectFailure.Communication)]
        [DataRow((int)ConnectError.Exchange, 0, 0, 10, (int)ConnectFailure.Communication)]
        [DataRow((int)ConnectError.Other, 0, -1, 10, (int)ConnectFailure.Internal)]
        public void Each_library_error_maps_to_one_failure_class(int error, int socketCode, int connack, int elapsedMs, int expected)
        {
            Assert.AreEqual(expected, (int)MqttFailureClassifier.Classify((ConnectError)error, socketCode, connack, elapsedMs));
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
            string text = MqttFailureClassifier.Explain(ConnectError.Socket, code);
            Assert.IsTrue(text.IndexOf(words) >= 0, text);
        }

        [TestMethod]
        [DataRow((int)ConnectError.TlsVersion, "tls: TLS too old (1.2 required)")]
        [DataRow((int)ConnectError.NotTls, "tls: no TLS answer: wrong port?")]
        public void A_TLS_failure_the_adapter_told_apart_reads_like_the_mbedtls_code_that_means_it_without_the_code(int error, string expected)
        {
            Assert.AreEqual(expected, MqttFailureClassifier.Explain((ConnectError)error, 0));
        }

        [TestMethod]
        public void An_expired_certificate_is_explained_by_the_adapter_that_knows_the_dates()
        {
            // The device's mbedTLS reports -0x2700 for any untrusted certificate; only the twin can say "expired".
            Assert.IsNull(MqttFailureClassifier.Explain(ConnectError.CertificateExpired, 0));
        }

        [TestMethod]
        public void Network_errors_need_no_explanation()
        {
            Assert.IsNull(MqttFailureClassifier.Explain(ConnectError.Socket, 111));
            Assert.IsNull(MqttFailureClassifier.Explain(ConnectError.Socket, -0x50));
            Assert.IsNull(MqttFailureClassifier.Explain(ConnectError.Exchange, 0));
        }
    }
}
