using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Host.Cli;
using TagoFirmware.IntegrationTests.Infrastructure;

namespace TagoFirmware.IntegrationTests
{
    /// <summary>
    /// Twenty twins started the way a user starts them (the command line, no <c>--seed</c>) against one broker that
    /// restarts: each must draw its own backoff delay, so the fleet's reconnects spread over the backoff window instead
    /// of arriving together.
    /// </summary>
    [TestClass]
    public sealed class FleetReconnectTests
    {
        private static readonly Regex s_backoff = new Regex(@"^(\d\d:\d\d:\d\d\.\d\d\d) .*; backoff (\d+) ms \(mqtt attempt 1, window (\d+) ms\)", RegexOptions.Compiled);
        private static readonly Regex s_connecting = new Regex(@"^(\d\d:\d\d:\d\d\.\d\d\d) .*mqtt connecting to", RegexOptions.Compiled);

        [TestMethod]
        [DoNotParallelize] // twenty twins and their TLS handshakes take the machine
        [Timeout(90000, CooperativeCancellation = true)]
        public async Task Twenty_twins_without_a_seed_spread_their_reconnects_over_the_backoff_window_after_a_broker_restart()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            const int twins = 20;
            var outputs = new LogCapture[twins];
            var runs = new Task<int>[twins];
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(75));
            for (int i = 0; i < twins; i++)
            {
                LogCapture output = outputs[i] = new LogCapture();
                string[] args = { "--broker", broker.Host, "--port", broker.Port.ToString(CultureInfo.InvariantCulture), "--ca", broker.CaFile, "--client-id", "fleet-" + i, "--no-persist" };
                runs[i] = Task.Run(() => TwinApp.RunAsync(args, output, output, broker.Token, cancel.Token));
            }

            try
            {
                Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => Enumerable.Range(0, twins).All(i => Count(outputs[i], "mqtt connected") >= 1), TimeSpan.FromSeconds(40)), "all twins online: " + outputs[0]);
                broker.Kill(); // every twin sees its connection close at the same moment
                broker.Restart();
                Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => Enumerable.Range(0, twins).All(i => Count(outputs[i], "mqtt connected") >= 2), TimeSpan.FromSeconds(30)), "all twins back: " + outputs[0]);
            }
            finally
            {
                cancel.Cancel();
                await Task.WhenAll(runs);
            }

            var delays = new List<int>();
            var attempts = new List<TimeSpan>();
            int window = 0;
            foreach (LogCapture output in outputs)
            {
                string[] lines = output.ToString().Split('\n');
                int lost = Array.FindIndex(lines, l => s_backoff.IsMatch(l));
                Assert.IsTrue(lost >= 0, "a backoff after the restart: " + output);
                Match m = s_backoff.Match(lines[lost]);
                delays.Add(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
                window = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
                string next = lines.Skip(lost + 1).First(l => s_connecting.IsMatch(l));
                // Measured from each twin's own drop: how long it really waited before reconnecting.
                attempts.Add(Time(s_connecting.Match(next).Groups[1].Value) - Time(m.Groups[1].Value));
                StringAssert.Contains(output.ToString(), "from the client id and the start time");
            }

            string summary = "first backoff delays " + string.Join(", ", delays.OrderBy(d => d)) + " ms (window " + window + " ms); measured waits from drop to reconnect attempt span "
                + (attempts.Max() - attempts.Min()).TotalMilliseconds + " ms";
            Console.WriteLine(summary);
            Assert.IsTrue(delays.Distinct().Count() >= twins * 3 / 4, "each twin draws its own delay: " + summary);
            Assert.IsTrue(delays.Max() - delays.Min() >= window / 2, "the delays cover the window: " + summary);
            Assert.IsTrue((attempts.Max() - attempts.Min()).TotalMilliseconds >= 400, "the reconnects spread over the window, not within a few hundred ms: " + summary);
        }

        private static TimeSpan Time(string text) => TimeSpan.ParseExact(text, @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);

        private static int Count(LogCapture output, string marker)
        {
            string text = output.ToString();
            int count = 0;
            for (int at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }
    }
}
