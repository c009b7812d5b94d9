using System;
using System.IO;
using System.Net.Sockets;
using System.Security.Authentication;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet.Exceptions;
using TagoFirmware.Connection;
using TagoFirmware.Host.Adapters;

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
            Assert.AreEqual(expected, MqttNetMapping.Describe(Make(kind), connectSent, null, out int code, out string reason));
            Assert.IsTrue(code >= 0, "host socket codes never look like mbedTLS codes");
            Assert.IsFalse(string.IsNullOrEmpty(reason));
        }

        [TestMethod]
        public void A_refusing_certificate_validator_makes_it_a_handshake_failure_with_its_reason()
        {
            Assert.AreEqual(ConnectError.Handshake, MqttNetMapping.Describe(Make("reset"), false, "does not chain to the configured CA", out _, out string reason));
            Assert.AreEqual("does not chain to the configured CA", reason);
        }
    }
}
