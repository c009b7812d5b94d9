using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Connection;
using TagoFirmware.Host.Adapters;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Tests.Tls
{
    /// <summary>
    /// The twin's MQTT link against local servers that get TLS wrong: each failure goes through the adapter's
    /// translation and the core's one classifier, comes out as a TLS failure (the twin's exit 4), and its messages name
    /// the real problem.
    /// </summary>
    [TestClass]
    public sealed class TlsRefusalTests
    {
        private const string Token = "at-secret-token-0123456789";

        [TestMethod]
        public void An_expired_server_certificate_is_reported_as_expired_with_its_dates()
        {
            DateTimeOffset notBefore = DateTimeOffset.UtcNow.AddHours(-20);
            DateTimeOffset notAfter = DateTimeOffset.UtcNow.AddHours(-2);
            using MisbehavingTlsServer server = MisbehavingTlsServer.WithCertificateValidity(notBefore, notAfter);

            Outcome outcome = Connect(server);

            Assert.AreEqual(ConnectFailure.Tls, outcome.Failure, outcome.Log);
            StringAssert.Contains(outcome.Reason, "server certificate expired on " + Iso(notAfter));
            StringAssert.Contains(outcome.Reason, "valid " + Iso(notBefore) + " to " + Iso(notAfter));
            Assert.IsFalse(outcome.Reason.Contains("does not chain"), outcome.Reason);
            StringAssert.Contains(outcome.Log, "mqtt connect failed (Tls): server certificate expired on");
        }

        [TestMethod]
        public void A_server_certificate_that_is_not_valid_yet_says_so_with_its_dates()
        {
            DateTimeOffset notBefore = DateTimeOffset.UtcNow.AddDays(2);
            using MisbehavingTlsServer server = MisbehavingTlsServer.WithCertificateValidity(notBefore, notBefore.AddDays(30));

            Outcome outcome = Connect(server);

            Assert.AreEqual(ConnectFailure.Tls, outcome.Failure, outcome.Log);
            StringAssert.Contains(outcome.Reason, "server certificate not valid before " + Iso(notBefore));
            StringAssert.Contains(outcome.Reason, "this clock says");
        }

        [TestMethod]
        public void A_server_offering_only_TLS_1_0_or_1_1_is_reported_as_too_old()
        {
            using MisbehavingTlsServer server = MisbehavingTlsServer.OldTlsOnly();
            if (server == null)
            {
                Assert.Inconclusive("this host's openssl cannot serve TLS 1.0/1.1; MqttNetMappingTests covers the translation");
            }

            Outcome outcome = Connect(server);

            Assert.AreEqual(ConnectFailure.Tls, outcome.Failure, outcome.Log);
            StringAssert.Contains(outcome.Reason, "TLS version is too old");
            StringAssert.Contains(outcome.Log, "mqtt: tls -0x6E00: TLS too old (1.2 required)");
        }

        [TestMethod]
        public void A_plaintext_port_that_closes_on_the_TLS_hello_is_a_TLS_failure_naming_the_port()
        {
            using MisbehavingTlsServer server = MisbehavingTlsServer.Plaintext();

            Outcome outcome = Connect(server);

            Assert.AreEqual(ConnectFailure.Tls, outcome.Failure, outcome.Log);
            StringAssert.Contains(outcome.Reason, "did not answer TLS");
            StringAssert.Contains(outcome.Log, "wrong port?");
        }

        [TestMethod]
        public void A_plaintext_port_that_answers_in_plaintext_is_a_TLS_failure_naming_the_port()
        {
            using MisbehavingTlsServer server = MisbehavingTlsServer.Plaintext(new byte[] { 0x20, 0x02, 0x00, 0x05 });

            Outcome outcome = Connect(server);

            Assert.AreEqual(ConnectFailure.Tls, outcome.Failure, outcome.Log);
            StringAssert.Contains(outcome.Reason, "did not answer TLS");
        }

        private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        private static Outcome Connect(MisbehavingTlsServer server)
        {
            var writer = new StringWriter();
            var log = new ConsoleLog(writer, LogLevel.Debug);
            using var link = new MqttNetLink(16) { Log = log };
            var request = new SessionOptions
            {
                Host = "127.0.0.1",
                Port = server.Port,
                UseTls = true,
                CaCertificatesPem = server.CaPem,
                ClientId = "tls-refusal-test",
                Username = "Token",
                Password = Token,
                KeepAliveSeconds = 60,
                MqttConnectTimeoutMs = 10000,
            };
            Assert.IsTrue(link.BeginConnect(request));
            var e = new LinkEvent();
            var watch = Stopwatch.StartNew();
            while (!link.TryTakeEvent(e))
            {
                Assert.IsTrue(watch.ElapsedMilliseconds < 30000, "no connect outcome within 30 s:\n" + writer);
                link.Arrived.WaitOne(200);
            }

            Assert.AreEqual(LinkEventKind.ConnectFailed, e.Kind, writer.ToString());
            Assert.AreEqual(1, link.TlsFailures, "counted as a TLS failure, so the twin exits 4");
            string text = writer.ToString();
            Assert.IsFalse(text.Contains(Token) || link.LastFailureReason.Contains(Token), "the token never reaches a message");
            return new Outcome { Failure = e.Failure, Reason = link.LastFailureReason, Log = text };
        }

        private sealed class Outcome
        {
            public ConnectFailure Failure { get; set; }

            public string Reason { get; set; }

            public string Log { get; set; }
        }
    }
}
