using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using TagoFirmware.Config;
using TagoFirmware.Host.Adapters;
using TagoFirmware.Host.Node;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.IntegrationTests.Infrastructure
{
    /// <summary>Builds twin nodes (the core's SensorNode with the twin's adapters) wired to a test mosquitto, with their log captured in memory.</summary>
    public static class TestNodes
    {
        /// <summary>
        /// Default time scale of test nodes: x12, so the DHT22 pipeline's 12 s minimum interval is one sampling cycle
        /// per real second (each cycle queues a temperature and a humidity reading).
        /// </summary>
        public const double DefaultTimeScale = 12;

        /// <summary>Creates a node for <paramref name="broker"/>: one DHT22, 12 s simulated interval at x12 (1 s real), batch 2, QoS 1, RAM only.</summary>
        /// <param name="broker">Broker.</param>
        /// <param name="clientId">Client id.</param>
        /// <param name="log">Captured log text.</param>
        /// <param name="token">Password; null uses the broker's token.</param>
        /// <param name="configure">Changes the settings before the node is built.</param>
        /// <returns>The node (booted, not running).</returns>
        public static TwinNode Create(MosquittoBroker broker, string clientId, out LogCapture log, string token = null, Action<TwinNodeSettings> configure = null)
        {
            TwinNodeSettings settings = Settings(broker, clientId, token);
            configure?.Invoke(settings);
            log = new LogCapture();
            var consoleLog = new ConsoleLog(log, LogLevel.Debug);
            return new TwinNode(settings, consoleLog);
        }

        /// <summary>The settings <see cref="Create"/> starts from.</summary>
        /// <param name="broker">Broker.</param>
        /// <param name="clientId">Client id.</param>
        /// <param name="token">Password; null uses the broker's token.</param>
        /// <returns>New settings.</returns>
        public static TwinNodeSettings Settings(MosquittoBroker broker, string clientId, string token = null)
        {
            TwinNodeSettings settings = TwinNodeSettings.ForBroker(broker.Host, broker.Port, File.ReadAllText(broker.CaFile), token ?? broker.Token, clientId);
            settings.TimeScale = DefaultTimeScale;
            settings.Seed = clientId.GetHashCode(StringComparison.Ordinal);
            settings.Config.Set(ConfigKeys.QueuePersist, false);
            return settings;
        }

        /// <summary>Runs a node on its own loop thread (<see cref="TwinNode.RunAsync"/> starts one) until cancelled.</summary>
        /// <param name="node">Node.</param>
        /// <param name="cancel">Stops it.</param>
        /// <returns>The loop task.</returns>
        public static Task RunInBackground(TwinNode node, CancellationToken cancel) => node.RunAsync(null, cancel);

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
