using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Config;
using TagoFirmware.Host.Cli;

namespace TagoFirmware.Host.Tests.Twin
{
    /// <summary>The twin's transport flags: which transport a command line picks, and errors that name the flag but never a secret.</summary>
    [TestClass]
    public sealed class TwinOptionsTests
    {
        private const string Token = "ate2bd319014b24e0a8aca9f00aea4c0d0";
        private const string Hash = "4deedd7bab8817ec";

        [TestMethod]
        public void TagoTiP_flags_are_read_and_the_token_is_turned_into_its_hash()
        {
            Assert.IsTrue(TwinOptions.TryParse(
                new[] { "--serial", "node-1", "--auth-token", Token, "--region", "eu-w1", "--min-session", "5", "--tip-fault", "server_error:0.25" },
                null, null, out TwinOptions o, out string error), error);
            Assert.AreEqual(NodeConfig.TransportTagoTip, o.Transport);
            Assert.AreEqual("node-1", o.Serial);
            Assert.AreEqual(Hash, o.AuthHash);
            Assert.AreEqual("eu-w1", o.Region);
            var config = new NodeConfig();
            o.Overlay.ForEach(set => set(config));
            Assert.AreEqual(5, config.Int(ConfigKeys.TagoTipMinSession));
            Assert.AreEqual("server_error", o.TipFault.Value.Kind);
            Assert.AreEqual(0.25, o.TipFault.Value.Probability);
        }

        [TestMethod]
        public void The_environment_variable_takes_a_hash_or_a_token_told_apart_by_the_prefix()
        {
            Assert.IsTrue(TwinOptions.TryParse(Array.Empty<string>(), null, Token, out TwinOptions o, out string error), error);
            Assert.AreEqual(Hash, o.AuthHash);
            Assert.AreEqual(NodeConfig.TransportTagoTip, o.Transport);
            Assert.IsTrue(TwinOptions.TryParse(Array.Empty<string>(), null, "4DEEDD7BAB8817EC", out o, out error), error);
            Assert.AreEqual(Hash, o.AuthHash);
            Assert.IsTrue(TwinOptions.TryParse(new[] { "--auth-hash", "0123456789abcdef" }, null, Token, out o, out error), error);
            Assert.AreEqual("0123456789abcdef", o.AuthHash, "a flag wins over the environment");
            Assert.IsFalse(TwinOptions.TryParse(Array.Empty<string>(), null, "e2bd319014b24e0a8aca9f00aea4c0d0", out _, out _), "a token needs its \"at\" prefix");
        }

        [DataRow(new[] { "--token", "t" }, NodeConfig.TransportMqttJson)]
        [DataRow(new[] { "--serial", "s1" }, NodeConfig.TransportTagoTip)]
        [DataRow(new[] { "--auth-hash", Hash }, NodeConfig.TransportTagoTip)]
        [DataRow(new[] { "--transport", "tago-mqtt-json" }, NodeConfig.TransportMqttJson)]
        [DataRow(new[] { "--transport", "tagotip", "--token", "t" }, NodeConfig.TransportTagoTip)]
        [DataRow(new[] { "--interval", "1" }, "(config or tagotip)")]
        [TestMethod]
        public void Without_transport_the_credentials_given_pick_it(string[] args, string expected)
        {
            Assert.IsTrue(TwinOptions.TryParse(args, null, null, out TwinOptions o, out string error), error);
            Assert.AreEqual(expected, o.Transport ?? "(config or tagotip)");
        }

        [TestMethod]
        public void A_token_from_the_environment_picks_the_legacy_transport_unless_a_flag_or_TAGO_TIP_AUTH_says_TagoTiP()
        {
            Assert.IsTrue(TwinOptions.TryParse(Array.Empty<string>(), "env-token", null, out TwinOptions o, out string error), error);
            Assert.AreEqual(NodeConfig.TransportMqttJson, o.Transport);
            Assert.IsTrue(TwinOptions.TryParse(new[] { "--serial", "s1" }, "env-token", null, out o, out error), error);
            Assert.AreEqual(NodeConfig.TransportTagoTip, o.Transport);
            Assert.IsTrue(TwinOptions.TryParse(Array.Empty<string>(), "env-token", Hash, out o, out error), error);
            Assert.AreEqual(NodeConfig.TransportTagoTip, o.Transport);
            Assert.IsTrue(TwinOptions.TryParse(new[] { "--token", "t" }, null, Hash, out o, out error), error);
            Assert.AreEqual(NodeConfig.TransportMqttJson, o.Transport, "a flag wins over the environment");
        }

        [DataRow(new[] { "--transport", "json" }, "--transport must be tagotip or tago-mqtt-json")]
        [DataRow(new[] { "--serial", "bad serial" }, "--serial must be 1 to 100 characters")]
        [DataRow(new[] { "--region", "ap-s1" }, "--region must be us-e1 or eu-w1")]
        [DataRow(new[] { "--min-session", "0" }, "--min-session must be an integer from 1 to 86400")]
        [DataRow(new[] { "--tip-fault", "lost:2" }, "--tip-fault must be KIND or KIND:P")]
        [DataRow(new[] { "--serial", "s", "--token", "t" }, "choose with --transport")]
        [DataRow(new[] { "--auth-hash", Hash, "--auth-token", Token }, "give the TagoTiP authorization once")]
        [DataRow(new[] { "--check-credentials", "--serial", "s" }, "--check-credentials needs --serial and --auth-hash")]
        [DataRow(new[] { "--broker", "b", "--serial", "s" }, "--broker needs --serial and --auth-hash")]
        [DataRow(new[] { "--broker", "b", "--serial", "s", "--auth-hash", Hash, "--tip-fault", "lost" }, "--tip-fault works with the embedded TagoTiP server only")]
        [TestMethod]
        public void Bad_values_get_an_error_naming_the_flag(string[] args, string expected)
        {
            Assert.IsFalse(TwinOptions.TryParse(args, null, null, out _, out string error));
            StringAssert.Contains(error, expected);
        }

        [DataRow("--auth-hash", "4deedd7bab8817eZ")]
        [DataRow("--auth-token", "ate2bd319014b24e0a8aca9f00aea4c0dZ")]
        [TestMethod]
        public void A_malformed_secret_is_refused_without_repeating_it(string flag, string secret)
        {
            Assert.IsFalse(TwinOptions.TryParse(new[] { flag, secret }, null, null, out _, out string error));
            StringAssert.Contains(error, flag);
            Assert.IsFalse(error.Contains(secret, StringComparison.Ordinal), error);
            Assert.IsFalse(TwinOptions.TryParse(Array.Empty<string>(), null, secret, out _, out error));
            StringAssert.Contains(error, TwinOptions.TipAuthVariable);
            Assert.IsFalse(error.Contains(secret, StringComparison.Ordinal), error);
        }
    }
}
