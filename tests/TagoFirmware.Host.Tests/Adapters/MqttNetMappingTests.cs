using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet.Exceptions;
using TagoFirmware.Connection;
using TagoFirmware.Host.Adapters;
using TagoFirmware.Host.Tls;

namespace TagoFirmware.Host.Tests.Adapters
{
    [TestClass]
    public sealed class MqttNetMappingTests
    {
        private static Exception Make(string kind) => kind switch
        {
            "auth" => new MqttCommunicationException(new AuthenticationException("handshake")),
            "refused" => new MqttCommunicationException(new SocketException((int)SocketError.ConnectionRefused)),
            "reset" => new MqttCommunicationException(new SocketException((int)SocketError.ConnectionReset)),
            "dns" => new SocketException((int)SocketError.HostNotFound),
            "protocol" => new MqttProtocolViolationException("bad CONNACK"),
            "timeout" => new MqttCommunicationTimedOutException(),
            "cancel" => new OperationCanceledException(),
            "closed" => new MqttCommunicationException("closed"),
            "io" => new IOException("eof"),
            _ => new InvalidOperationException("?"),
        };

        [TestMethod]
        [DataRow("auth", false, ConnectFailure.Tls)]
        [DataRow("refused", false, ConnectFailure.Network)]
        [DataRow("reset", false, ConnectFailure.Network)]
        [DataRow("reset", true, ConnectFailure.Communication)]
        [DataRow("dns", false, ConnectFailure.Dns)]
        [DataRow("protocol", false, ConnectFailure.Protocol)]
        [DataRow("timeout", true, ConnectFailure.Timeout)]
        [DataRow("cancel", false, ConnectFailure.Timeout)]
        [DataRow("closed", false, ConnectFailure.Network)]
        [DataRow("closed", true, ConnectFailure.Communication)]
        [DataRow("io", true, ConnectFailure.Communication)]
        [DataRow("other", false, ConnectFailure.Internal)]
        [DataRow("other", true, ConnectFailure.Communication)]
        public void MQTTnet_exceptions_translate_by_type_and_phase(string kind, bool connectSent, ConnectFailure expected)
        {
            Assert.AreEqual(expected, MqttNetLink.Describe(Make(kind), connectSent, null, out int code, out string reason));
            Assert.IsTrue(code >= 0, "host socket codes never look like mbedTLS codes");
            Assert.IsFalse(string.IsNullOrEmpty(reason));
        }

        [TestMethod]
        public void A_refusing_certificate_validator_makes_it_a_handshake_failure_with_its_reason()
        {
            using X509Certificate2 ca = CertificateFactory.CreateCertificateAuthority("mapping CA");
            using X509Certificate2 other = CertificateFactory.CreateCertificateAuthority("other CA");
            using X509Certificate2 server = CertificateFactory.CreateServerCertificate(ca, new[] { "broker.test" }, new IPAddress[0]);
            CaPinnedValidator validator = CaPinnedValidator.ForPem(CertificateFactory.ToCertificatePem(other), "broker.test");
            Assert.IsFalse(validator.Validate(server, null));

            Assert.AreEqual(ConnectFailure.Tls, MqttNetLink.Describe(Make("auth"), false, validator, out _, out string reason));
            StringAssert.Contains(reason, "does not chain to the configured CA");
        }

        [TestMethod]
        public void An_expired_certificate_is_a_handshake_failure_whose_reason_gives_the_dates()
        {
            using X509Certificate2 ca = CertificateFactory.CreateCertificateAuthority("mapping CA");
            DateTimeOffset notAfter = DateTimeOffset.UtcNow.AddHours(-1);
            using X509Certificate2 server = CertificateFactory.CreateServerCertificate(ca, new[] { "broker.test" }, new IPAddress[0], notAfter.AddHours(-5), notAfter);
            CaPinnedValidator validator = CaPinnedValidator.ForPem(CertificateFactory.ToCertificatePem(ca), "broker.test");
            Assert.IsFalse(validator.Validate(server, null));

            Assert.AreEqual(ConnectFailure.Tls, MqttNetLink.Describe(Make("auth"), false, validator, out _, out string reason));
            StringAssert.Contains(reason, "server certificate expired on " + notAfter.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        }

        [TestMethod]
        [DataRow("error:0A00042E:SSL routines::tlsv1 alert protocol version", -0x6E00)]
        [DataRow("error:0A000102:SSL routines::unsupported protocol", -0x6E00)]
        [DataRow("error:0A00010B:SSL routines::wrong version number", -0x7200)]
        [DataRow("Cannot determine the frame size or a corrupted frame was received.", -0x7200)]
        [DataRow("error:0A000086:SSL routines::certificate verify failed", 0)]
        public void Handshake_failures_that_name_a_TLS_version_or_a_non_TLS_answer_carry_the_mbedtls_code_of_that_failure(string platformMessage, int expectedCode)
        {
            var ex = new MqttCommunicationException(new AuthenticationException("Authentication failed, see inner exception.", new InvalidOperationException(platformMessage)));

            Assert.AreEqual(ConnectFailure.Tls, MqttNetLink.Describe(ex, false, ValidatorWithoutFailure(), out int code, out string reason));
            Assert.AreEqual(expectedCode, code);
            Assert.IsFalse(reason.StartsWith("AuthenticationException"), reason);
        }

        [TestMethod]
        [DataRow(false)]
        [DataRow(true)]
        public void End_of_stream_or_a_reset_in_the_TLS_handshake_is_a_server_that_does_not_speak_TLS(bool reset)
        {
            var ex = new MqttCommunicationException(reset
                ? new SocketException((int)SocketError.ConnectionReset)
                : new IOException("Received an unexpected EOF or 0 bytes from the transport stream."));

            Assert.AreEqual(ConnectFailure.Tls, MqttNetLink.Describe(ex, false, ValidatorWithoutFailure(), out int code, out string reason));
            Assert.AreEqual(-0x7200, code);
            StringAssert.Contains(reason, "wrong port?");
            Assert.AreEqual(ConnectFailure.Network, MqttNetLink.Describe(ex, false, null, out _, out _), "without TLS it stays a network error");
            var refused = new MqttCommunicationException(new SocketException((int)SocketError.ConnectionRefused));
            Assert.AreEqual(ConnectFailure.Network, MqttNetLink.Describe(refused, false, ValidatorWithoutFailure(), out _, out _), "a closed port is a network error");
            Assert.AreEqual(ConnectFailure.Communication, MqttNetLink.Describe(ex, true, ValidatorWithoutFailure(), out _, out _), "after CONNECT it is the broker closing");
        }

        private static CaPinnedValidator ValidatorWithoutFailure() => CaPinnedValidator.ForPem(null, "broker.test");
    }
}
