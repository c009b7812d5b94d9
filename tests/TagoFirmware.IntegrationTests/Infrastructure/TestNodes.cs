using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using TagoFirmware.Host.Adapters;
using TagoFirmware.Host.Node;
using TagoFirmware.Session;

namespace TagoFirmware.IntegrationTests.Infrastructure
{
    /// <summary>Builds twin nodes wired to a test mosquitto, with their log captured in memory.</summary>
    public static class TestNodes
    {
        /// <summary>Creates a node for <paramref name="broker"/>.</summary>
        /// <param name="broker">Broker.</param>
        /// <param name="clientId">Client id.</param>
        /// <param name="log">Captured log text.</param>
        /// <param name="token">Password; null uses the broker's token.</param>
        /// <param name="configure">Changes the settings before the node is built.</param>
        /// <returns>The node (not running).</returns>
        public static TwinNode Create(MosquittoBroker broker, string clientId, out StringWriter log, string token = null, Action<TwinNodeSettings> configure = null)
        {
            var settings = new TwinNodeSettings
            {
                Session = new SessionOptions
                {
                    Host = broker.Host,
                    Port = broker.Port,
                    UseTls = true,
                    CaCertificatesPem = File.ReadAllText(broker.CaFile),
                    Token = token ?? broker.Token,
                    ClientId = clientId,
                    Qos = 1,
                    MqttConnectTimeoutMs = 10000,
                },
                SampleIntervalMs = 200,
                Batch = 1,
                Seed = clientId.GetHashCode(StringComparison.Ordinal),
            };
            configure?.Invoke(settings);
            log = new StringWriter();
            var consoleLog = new ConsoleLog(TextWriter.Synchronized(log), LogLevel.Debug, clientId);
            return new TwinNode(settings, new SimulatedDht22(settings.Seed), consoleLog);
        }

        /// <summary>Runs a node on the thread pool until cancelled.</summary>
        /// <param name="node">Node.</param>
        /// <param name="cancel">Stops it.</param>
        /// <returns>The loop task.</returns>
        public static Task RunInBackground(TwinNode node, CancellationToken cancel)
        {
            return Task.Run(() => node.RunAsync(null, cancel));
        }

        /// <summary>Polls <paramref name="condition"/> every 20 ms.</summary>
        /// <param name="condition">Condition.</param>
        /// <param name="timeout">Upper bound.</param>
        /// <returns>Elapsed time when it held, or null on timeout.</returns>
        public static async Task<TimeSpan?> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < timeout)
            {
                if (condition())
                {
                    return clock.Elapsed;
                }

                await Task.Delay(20);
            }

            return condition() ? clock.Elapsed : null;
        }
    }
}
