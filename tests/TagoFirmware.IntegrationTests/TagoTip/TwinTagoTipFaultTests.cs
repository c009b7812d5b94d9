using System.IO;
using TagoFirmware.IntegrationTests.Infrastructure;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Host.Cli;

namespace TagoFirmware.IntegrationTests.TagoTip
{
    /// <summary>The twin's embedded TagoTiP server with <c>--tip-fault</c>: refused frames never count toward <c>--count</c>.</summary>
    [TestClass]
    public sealed class TwinTagoTipFaultTests
    {
        [TestMethod]
        [Timeout(60000, CooperativeCancellation = true)]
        public async Task Frames_answered_with_an_injected_server_error_are_not_counted_and_the_run_times_out()
        {
            var output = new LogCapture();
            int code = await TwinApp.RunAsync(
                new[] { "--tip-fault", "server_error", "--count", "1", "--interval", "1", "--min-session", "2", "--timeout", "10", "--no-persist" },
                output, output, null, CancellationToken.None);

            string text = output.ToString();
            Assert.AreEqual(TwinExitCode.Timeout, code, text);
            StringAssert.Contains(text, "fault server_error with probability 1");
            StringAssert.Contains(text, "ERR|server_error");
            Assert.IsFalse(text.Contains("[live inspector]", System.StringComparison.Ordinal), "nothing is stored\n" + text);
        }
    }
}
