using TagoFirmware.Diagnostics;
using TagoFirmware.Node;
using TagoFirmware.Platform;

namespace TagoFirmware.Commands
{
    /// <summary>Runs a step's downlink commands: parse each, apply all or nothing, count refusals and drops in <c>command_errors</c>, log one line each.</summary>
    public sealed class CommandProcessor
    {
        /// <summary>Outcome flag: nothing to do (refused).</summary>
        public const int Refused = 0;

        /// <summary>Outcome flag: reboot the node.</summary>
        public const int Reboot = 1;

        /// <summary>Outcome flag: publish the status now (diagnostics were requested too).</summary>
        public const int Ping = 2;

        /// <summary>Outcome flag: publish diagnostics now (already requested).</summary>
        public const int Diagnostics = 4;

        /// <summary>Outcome flag: interval and/or batch changed in <see cref="CommandOverrides"/>.</summary>
        public const int Settings = 8;

        // Dropped commands are counted in command_errors at once but logged at most this often.
        private const long DropLogIntervalMs = 60000;

        // Outcome and log text by the parser's Kind.
        private static readonly int[] s_outcomes = { Refused, Reboot, Ping, Settings, Settings, Diagnostics };
        private static readonly string[] s_accepted = "-| rebooting| publishing status|-|-| publishing diagnostics".Split('|');

        // Log texts by CommandError value.
        private static readonly string[] s_refusals = ("ok|topic is not one level below the command prefix"
            + "|unknown command (expected reboot, ping, interval, batch or diagnostics)| bytes: payload over 512 bytes"
            + "|payload is not well-formed JSON|no value (e.g. 60)|value must be an integer (e.g. 60 or \"60\")"
            + "|unknown variable (expected interval or batch)|a variable or member appears twice| s is below the minimum of "
            + "| is out of range (interval ").Split('|');

        private readonly CommandParser _parser;
        private readonly DiagnosticsCounters _counters;
        private readonly ILog _log;
        private int _droppedUnlogged;
        private long _nextDropLogMs = long.MinValue;

        /// <summary>Creates the processor; <paramref name="log"/> may be null.</summary>
        public CommandProcessor(CommandParser parser, CommandOverrides overrides, DiagnosticsCounters counters, ILog log)
        {
            _parser = parser;
            Overrides = overrides;
            _counters = counters;
            _log = log;
        }

        /// <summary>The settings in force (config, or accepted commands).</summary>
        public CommandOverrides Overrides { get; }

        /// <summary>The smallest interval the <c>interval</c> command accepts.</summary>
        public int MinIntervalSeconds => _parser.MinIntervalSeconds;

        /// <summary>The last message's one log line (no payload bytes, no secrets), e.g. <c>command interval accepted: interval 60 s (persisted)</c>.</summary>
        public string LastLogLine { get; private set; }

        /// <summary>Runs <paramref name="count"/> commands in order (none after a reboot) and counts the <paramref name="dropped"/>; returns the outcome flags.</summary>
        public int Handle(int dropped, string[] topics, byte[][] payloads, int count, long nowMs)
        {
            if (dropped > 0)
            {
                _counters.CommandErrors += dropped;
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
                int outcome = Process(topics[i], payloads[i]);
                NodeWiring.Write(_log, outcome == Refused || outcome == Reboot ? LogLevel.Warning : LogLevel.Info, LastLogLine);
                todo |= outcome;
            }

            return todo;
        }

        /// <summary>Processes one message (a null payload is empty); returns an outcome flag.</summary>
        public int Process(string topic, byte[] payload)
        {
            CommandParser p = _parser;
            CommandError error = p.Parse(topic, payload);
            string line = "command " + CommandParser.Names[p.Kind];
            if (error != CommandError.None)
            {
                _counters.CommandErrors++;
                LastLogLine = line + " refused: " + Describe(error, p.RefusedValue);
                return Refused;
            }

            int outcome = s_outcomes[p.Kind];
            string done = s_accepted[p.Kind];
            if (outcome == Settings)
            {
                done = (p.IntervalSeconds > 0 ? " interval " + p.IntervalSeconds.ToString() + " s" : string.Empty)
                    + (p.BatchSize > 0 ? " batch " + p.BatchSize.ToString() : string.Empty)
                    + (Overrides.Apply(p) ? " (persisted)" : " (NOT persisted: storage error; reverts at reboot)");
            }
            else if (outcome != Reboot)
            {
                _counters.Request();
            }

            LastLogLine = line + " accepted:" + done;
            return outcome;
        }

        private string Describe(CommandError error, long value)
        {
            string text = s_refusals[(int)error];
            if (error == CommandError.PayloadTooLarge)
            {
                return value.ToString() + text;
            }

            return error < CommandError.IntervalBelowMinimum ? text : value.ToString() + text + MinIntervalSeconds.ToString()
                + (error == CommandError.OutOfRange ? "…86400 s, batch 1…100)" : " s");
        }
    }
}
