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
        [DataRow("auth", false, ConnectError.Handshake)]
        [DataRow("refused", false, ConnectError.Socket)]
        [DataRow("reset", false, ConnectError.Socket)]
        [DataRow("reset", true, ConnectError.Exchange)]
        [DataRow("dns", false, ConnectError.Lookup)]
        [DataRow("protocol", false, ConnectError.Protocol)]
        [DataRow("timeout", true, ConnectError.Timeout)]
        [DataRow("cancel", false, ConnectError.Timeout)]
        [DataRow("closed", false, ConnectError.Socket)]
        [DataRow("closed", true, ConnectError.Exchange)]
        [DataRow("io", true, ConnectError.Exchange)]
        [DataRow("other", false, ConnectError.Other)]
        [DataRow("other", true, ConnectError.Exchange)]
        public void MQTTnet_exceptions_translate_by_type_and_phase(string kind, bool connectSent, ConnectError expected)
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

            Assert.AreEqual(ConnectError.Handshake, MqttNetLink.Describe(Make("auth"), false, validator, out _, out string reason));
            StringAssert.Contains(reason, "does not chain to the configured CA");
        }

        [TestMethod]
        public void An_expired_certificate_is_its_own_error_and_its_reason_gives_the_dates()
        {
            using X509Certificate2 ca = CertificateFactory.CreateCertificateAuthority("mapping CA");
            DateTimeOffset notAfter = DateTimeOffset.UtcNow.AddHours(-1);
            using X509Certificate2 server = CertificateFactory.CreateServerCertificate(ca, new[] { "broker.test" }, new IPAddress[0], notAfter.AddHours(-5), notAfter);
            CaPinnedValidator validator = CaPinnedValidator.ForPem(CertificateFactory.ToCertificatePem(ca), "broker.test");
            Assert.IsFalse(validator.Validate(server, null));

            Assert.AreEqual(ConnectError.CertificateExpired, MqttNetLink.Describe(Make("auth"), false, validator, out _, out string reason));
            StringAssert.Contains(reason, "server certificate expired on " + notAfter.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        }

        [TestMethod]
        [DataRow("error:0A00042E:SSL routines::tlsv1 alert protocol version", ConnectError.TlsVersion)]
        [DataRow("error:0A000102:SSL routines::unsupported protocol", ConnectError.TlsVersion)]
        [DataRow("error:0A00010B:SSL routines::wrong version number", ConnectError.NotTls)]
        [DataRow("Cannot determine the frame size or a corrupted frame was received.", ConnectError.NotTls)]
        [DataRow("error:0A000086:SSL routines::certificate verify failed", ConnectError.Handshake)]
        public void Handshake_failures_that_name_a_TLS_version_or_a_non_TLS_answer_translate_to_those(string platformMessage, ConnectError expected)
        {
            var ex = new MqttCommunicationException(new AuthenticationException("Authentication failed, see inner exception.", new InvalidOperationException(platformMessage)));

            Assert.AreEqual(expected, MqttNetLink.Describe(ex, false, ValidatorWithoutFailure(), out _, out string reason));
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

            Assert.AreEqual(ConnectError.NotTls, MqttNetLink.Describe(ex, false, ValidatorWithoutFailure(), out _, out string reason));
            StringAssert.Contains(reason, "wrong port?");
            Assert.AreEqual(ConnectError.Socket, MqttNetLink.Describe(ex, false, null, out _, out _), "without TLS it stays a network error");
            var refused = new MqttCommunicationException(new SocketException((int)SocketError.ConnectionRefused));
            Assert.AreEqual(ConnectError.Socket, MqttNetLink.Describe(refused, false, ValidatorWithoutFailure(), out _, out _), "a closed port is a network error");
            Assert.AreEqual(ConnectError.Exchange, MqttNetLink.Describe(ex, true, ValidatorWithoutFailure(), out _, out _), "after CONNECT it is the broker closing");
        }

        private static CaPinnedValidator ValidatorWithoutFailure() => CaPinnedValidator.ForPem(null, "broker.test");
    }
}
