using TagoFirmware.Commands;
using TagoFirmware.Config;
using TagoFirmware.Connection;
using TagoFirmware.Diagnostics;
using TagoFirmware.Platform;

namespace TagoFirmware.Node
{
    /// <summary>
    /// Hands a connection step's downlink commands to the <see cref="CommandProcessor"/> and returns what the node must
    /// do once the step is over, as <see cref="CommandProcessor"/> outcome flags. Counts commands the inbox dropped.
    /// </summary>
    public sealed class CommandHandOff
    {
        // Dropped commands are counted in command_errors at once but logged at most this often.
        private const long DropLogIntervalMs = 60000;

        private readonly CommandProcessor _processor;
        private readonly DiagnosticsCounters _counters;
        private readonly ILog _log;
        private int _droppedUnlogged;
        private long _nextDropLogMs = long.MinValue;

        /// <summary>Creates the hand-off; a changed configuration file (its bytes, or null) resets the overrides.</summary>
        public CommandHandOff(NodeConfig config, byte[] configFileBytes, bool battery, string commandFilter, DiagnosticsCounters counters,
            DiagnosticsPolicy policy, NodePorts ports)
        {
            _counters = counters;
            _log = ports.Log;
            // The read pipelines' minimum, in battery mode at least the minimum wake interval; never below 1 s.
            string reason;
            int min = NodeConfigValidator.MinIntervalSeconds(config, null, out reason);
            min = battery && min < ConfigKeys.SleepWakeInterval.Min ? ConfigKeys.SleepWakeInterval.Min : min;
            MinIntervalSeconds = min < 1 ? 1 : min;
            Overrides = new CommandOverrides(ports.OverrideStore, CommandOverrides.Fingerprint(configFileBytes),
                battery ? config.Sleep.WakeIntervalSeconds : config.Sampling.IntervalSeconds, config.Sampling.Batch);
            _processor = new CommandProcessor(new CommandParser(commandFilter, MinIntervalSeconds), Overrides, _counters, policy);
        }

        /// <summary>The settings in force (config, or accepted commands).</summary>
        public CommandOverrides Overrides { get; }

        /// <summary>The smallest interval the <c>interval</c> command accepts.</summary>
        public int MinIntervalSeconds { get; }

        /// <summary>Runs <paramref name="count"/> commands in order (none after a reboot), logging each, and counts the
        /// <paramref name="dropped"/> ones; returns the outcome flags (0: nothing to do).</summary>
        public int Handle(int dropped, string[] topics, byte[][] payloads, int count, long nowMs)
        {
            if (dropped > 0)
            {
                _counters.AddCommandErrors(dropped);
                _droppedUnlogged += dropped;
                if (nowMs >= _nextDropLogMs)
                {
                    NodeWiring.Write(_log, LogLevel.Warning, _droppedUnlogged.ToString() + " commands dropped (size or rate limit)");
                    _droppedUnlogged = 0;
                    _nextDropLogMs = nowMs + DropLogIntervalMs;
                }
            }

            int todo = 0;
            for (int i = 0; i < count && (todo & CommandProcessor.Reboot) == 0; i++)
            {
                int outcome = _processor.Process(topics[i], payloads[i]);
                NodeWiring.Write(_log, outcome == CommandProcessor.Refused || outcome == CommandProcessor.Reboot ? LogLevel.Warning : LogLevel.Info,
                    _processor.LastLogLine);
                todo |= outcome;
            }

            return todo;
        }
    }
}
