using TagoFirmware.Commands;
using TagoFirmware.Config;
using TagoFirmware.Connection;
using TagoFirmware.Diagnostics;
using TagoFirmware.Platform;

namespace TagoFirmware.Node
{
    /// <summary>
    /// Hands the downlink commands of a connection step to the <see cref="CommandProcessor"/> (its validation,
    /// persistence in <see cref="CommandOverrides"/> and error counting) and returns what the node must do about them
    /// once the step is over: flags <see cref="Settings"/>, <see cref="Ping"/>, <see cref="Diagnostics"/>,
    /// <see cref="Reboot"/>. Counts commands the inbox dropped unparsed (logged at most once a minute).
    /// </summary>
    public sealed class CommandHandOff
    {
        // Each flag is the bit of its outcome's value, so an outcome maps to its flag with one shift.

        /// <summary>An <c>interval</c> or <c>batch</c> command changed the settings in <see cref="Overrides"/>.</summary>
        public const int Settings = 1 << (int)CommandOutcome.SettingsApplied;

        /// <summary>A <c>ping</c> asks for an answer (several pings in one step get one).</summary>
        public const int Ping = 1 << (int)CommandOutcome.Ping;

        /// <summary>A <c>diagnostics</c> command asks for a diagnostics payload now.</summary>
        public const int Diagnostics = 1 << (int)CommandOutcome.Diagnostics;

        /// <summary>A <c>reboot</c> command: later commands of the step are not run.</summary>
        public const int Reboot = 1 << (int)CommandOutcome.Reboot;

        // Dropped commands are logged at most this often (they are counted in command_errors at once).
        private const long DropLogIntervalMs = 60000;

        private readonly CommandProcessor _processor;
        private readonly DiagnosticsCounters _counters;
        private readonly ILog _log;
        private int _droppedUnlogged;
        private long _nextDropLogMs = long.MinValue;

        /// <summary>Creates the hand-off with its overrides (read from their store by <see cref="CommandOverrides"/>).</summary>
        /// <param name="config">A configuration that validated.</param>
        /// <param name="configFileBytes">The configuration file's bytes: a newly deployed file resets the overrides; null = fingerprint 0.</param>
        /// <param name="battery">Battery mode: <c>interval</c> sets the wake interval.</param>
        /// <param name="commandFilter">The topic filter commands arrive under.</param>
        /// <param name="counters">Where refused and dropped commands are counted.</param>
        /// <param name="policy">When diagnostics are due.</param>
        /// <param name="ports">The override store (RAM when absent) and the log.</param>
        public CommandHandOff(NodeConfig config, byte[] configFileBytes, bool battery, string commandFilter, DiagnosticsCounters counters,
            DiagnosticsPolicy policy, NodePorts ports)
        {
            _counters = counters;
            _log = ports.Log;
            MinIntervalSeconds = NodeWiring.MinIntervalSeconds(config, battery);
            uint fingerprint = configFileBytes == null ? 0u : CommandOverrides.Fingerprint(configFileBytes, 0, configFileBytes.Length);
            Overrides = new CommandOverrides(ports.OverrideStore != null ? ports.OverrideStore : new MemoryOverrideStore(), fingerprint,
                battery ? config.Sleep.WakeIntervalSeconds : config.Sampling.IntervalSeconds, config.Sampling.Batch);
            _processor = new CommandProcessor(new CommandParser(commandFilter, MinIntervalSeconds), Overrides, _counters, policy);
        }

        /// <summary>The settings in force (config, or accepted commands).</summary>
        public CommandOverrides Overrides { get; }

        /// <summary>The smallest interval the <c>interval</c> command accepts.</summary>
        public int MinIntervalSeconds { get; }

        /// <summary>Runs a step's commands in order, logging each outcome, and counts the ones dropped unparsed.</summary>
        /// <param name="dropped">Commands the inbox dropped (size or rate limit).</param>
        /// <param name="topics">The commands' topics.</param>
        /// <param name="payloads">Their payloads.</param>
        /// <param name="count">Commands to run (0 while the node stops).</param>
        /// <param name="nowMs">Monotonic time now.</param>
        /// <returns>What the node must do, as flags (0: nothing).</returns>
        public int Handle(int dropped, string[] topics, byte[][] payloads, int count, long nowMs)
        {
            if (dropped > 0)
            {
                // Counted at once; logged at most once a minute, so a flood cannot flood the console too.
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
            for (int i = 0; i < count && (todo & Reboot) == 0; i++)
            {
                CommandOutcome outcome = _processor.Process(topics[i], payloads[i]);
                NodeWiring.Write(_log, outcome == CommandOutcome.Refused || outcome == CommandOutcome.Reboot ? LogLevel.Warning : LogLevel.Info, _processor.LastLogLine);
                todo |= (1 << (int)outcome) & ~(1 << (int)CommandOutcome.Refused);
            }

            return todo;
        }
    }
}
