using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Host.Cli;
using TagoFirmware.Host.TagoTip;

namespace TagoFirmware.IntegrationTests.TagoTip
{
    /// <summary><c>--check-credentials</c> against the twin's TagoTiP server: a verdict for good and bad credentials, no secret printed.</summary>
    [TestClass]
    public sealed class CredentialCheckTests
    {
        private const string Token = "ate2bd319014b24e0a8aca9f00aea4c0d0";
        private const string Hash = "4deedd7bab8817ec";

        [TestMethod]
        public async Task Good_credentials_get_an_accepted_verdict_and_the_frame_is_stored()
        {
            await using TagoTipServer server = await new TagoTipServer { Serial = "node-1", Hash = Hash }.StartAsync(null);
            (int code, string text) = await CheckAsync(server, "--serial", "node-1", "--auth-token", Token);

            Assert.AreEqual(TwinExitCode.Done, code, text);
            StringAssert.Contains(text, "verdict: credentials accepted: TagoIO stored the frame (OK|1)");
            StringAssert.Contains(text, "connected with MQTT 3.1.1");
            Assert.AreEqual(1, server.Judge.FramesStored);
            Assert.IsFalse(text.Contains(Hash, StringComparison.Ordinal) || text.Contains(Token.Substring(2), StringComparison.Ordinal), text);
        }

        [TestMethod]
        public async Task A_wrong_hash_is_refused_with_exit_code_3()
        {
            await using TagoTipServer server = await new TagoTipServer { Serial = "node-1", Hash = Hash }.StartAsync(null);
            (int code, string text) = await CheckAsync(server, "--serial", "node-1", "--auth-hash", "0123456789abcdef");

            Assert.AreEqual(TwinExitCode.CredentialsRefused, code, text);
            StringAssert.Contains(text, "verdict: credentials refused at connect");
            Assert.AreEqual(0, server.Judge.FramesStored);
            Assert.IsFalse(text.Contains("0123456789abcdef", StringComparison.Ordinal), text);
        }

        [TestMethod]
        public async Task A_serial_that_is_not_a_device_of_the_profile_gets_no_accepted_verdict()
        {
            await using TagoTipServer server = await new TagoTipServer { Serial = "node-1", Hash = Hash }.StartAsync(null);
            (int code, string text) = await CheckAsync(server, "--serial", "node-2", "--auth-hash", Hash);

            Assert.AreNotEqual(TwinExitCode.Done, code, text);
            StringAssert.Contains(text, "verdict:");
            Assert.IsFalse(text.Contains("credentials accepted", StringComparison.Ordinal), text);
            Assert.AreEqual(0, server.Judge.FramesStored);
        }

        private static async Task<(int Code, string Text)> CheckAsync(TagoTipServer server, params string[] credentials)
        {
            string ca = Path.Combine(Path.GetTempPath(), "tagotip-ca-" + Guid.NewGuid().ToString("N") + ".pem");
            File.WriteAllText(ca, server.CaPem);
            try
            {
                var output = new StringWriter();
                string[] args = new[] { "--check-credentials", "--broker", server.Host, "--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ca", ca, "--timeout", "20" };
                int code = await TwinApp.RunAsync([.. args, .. credentials], output, output, null, CancellationToken.None);
                return (code, output.ToString());
            }
            finally
            {
                File.Delete(ca);
            }
        }
    }
}
