using TagoFirmware.Diagnostics;
using TagoFirmware.Node;
using TagoFirmware.Platform;

namespace TagoFirmware.Commands
{
    /// <summary>Runs a step's downlink commands: parse each (<see cref="CommandParser"/>), apply all or nothing
    /// (<see cref="CommandOverrides"/>), count refusals and drops in <c>command_errors</c>, log one line each.</summary>
    public sealed class CommandProcessor
    {
        /// <summary>Outcome flag: nothing to do (refused).</summary>
        public const int Refused = 0;

        /// <summary>Outcome flag: reboot the node.</summary>
        public const int Reboot = 1;

        /// <summary>Outcome flag: publish the status now (diagnostics were requested too).</summary>
        public const int Ping = 2;

        /// <summary>Outcome flag: publish diagnostics now (already requested from the policy).</summary>
        public const int Diagnostics = 4;

        /// <summary>Outcome flag: interval and/or batch changed in <see cref="CommandOverrides"/>.</summary>
        public const int Settings = 8;

        // Dropped commands are counted in command_errors at once but logged at most this often.
        private const long DropLogIntervalMs = 60000;

        private readonly CommandParser _parser;
        private readonly DiagnosticsCounters _counters;
        private readonly DiagnosticsPolicy _policy;
        private readonly ILog _log;
        private readonly CommandRequest _request = new CommandRequest();
        private int _droppedUnlogged;
        private long _nextDropLogMs = long.MinValue;

        /// <summary>Creates the processor; <paramref name="log"/> may be null.</summary>
        public CommandProcessor(CommandParser parser, CommandOverrides overrides, DiagnosticsCounters counters, DiagnosticsPolicy policy, ILog log)
        {
            _parser = parser;
            Overrides = overrides;
            _counters = counters;
            _policy = policy;
            _log = log;
        }

        /// <summary>The settings in force (config, or accepted commands).</summary>
        public CommandOverrides Overrides { get; }

        /// <summary>The smallest interval the <c>interval</c> command accepts.</summary>
        public int MinIntervalSeconds => _parser.MinIntervalSeconds;

        /// <summary>The last message's one log line (no payload bytes, no secrets), e.g. <c>command interval accepted: interval 60 s (persisted)</c>.</summary>
        public string LastLogLine { get; private set; }

        /// <summary>Runs <paramref name="count"/> commands in order (none after a reboot), logging each, and counts the
        /// <paramref name="dropped"/> ones; returns the outcome flags (0: nothing to do).</summary>
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

        /// <summary>Processes a whole payload array (null = empty); returns an outcome flag.</summary>
        public int Process(string topic, byte[] payload) => Process(topic, payload, 0, payload == null ? 0 : payload.Length);

        /// <summary>Processes a payload held in part of a buffer; returns an outcome flag.</summary>
        public int Process(string topic, byte[] payload, int offset, int length)
        {
            CommandError error = _parser.Parse(topic, payload, offset, length, _request);
            if (error != CommandError.None)
            {
                _counters.CommandErrors++;
                LastLogLine = "command " + NameOf(_request.Kind) + " refused: " + Describe(error, _request.RefusedValue);
                return Refused;
            }

            CommandKind kind = _request.Kind;
            string line = "command " + NameOf(kind) + " accepted:";
            if (kind == CommandKind.Reboot)
            {
                LastLogLine = line + " rebooting";
                return Reboot;
            }

            if (kind == CommandKind.Ping || kind == CommandKind.Diagnostics)
            {
                _policy.Request();

                LastLogLine = line + (kind == CommandKind.Ping ? " publishing status" : " publishing diagnostics");
                return kind == CommandKind.Ping ? Ping : Diagnostics;
            }

            bool persisted = Overrides.Apply(_request);
            LastLogLine = line
                + (_request.HasInterval ? " interval " + _request.IntervalSeconds.ToString() + " s" : string.Empty)
                + (_request.HasBatch ? " batch " + _request.BatchSize.ToString() : string.Empty)
                + (persisted ? " (persisted)" : " (NOT persisted: storage error; reverts at reboot)");
            return Settings;
        }

        private static string NameOf(CommandKind kind) => CommandParser.Names[(int)kind];

        // The offending value of range and size errors is in the text.
        private string Describe(CommandError error, long value)
        {
            switch (error)
            {
                case CommandError.TopicMismatch:
                    return "topic is not one level below the command prefix";
                case CommandError.UnknownCommand:
                    return "unknown command (expected reboot, ping, interval, batch or diagnostics)";
                case CommandError.PayloadTooLarge:
                    return "payload of " + value.ToString() + " bytes exceeds " + CommandParser.MaxPayloadBytes.ToString();
                case CommandError.MalformedJson:
                    return "payload is not well-formed JSON";
                case CommandError.MissingValue:
                    return "no value (e.g. 60)";
                case CommandError.InvalidValue:
                    return "value must be an integer (e.g. 60 or \"60\")";
                case CommandError.UnknownVariable:
                    return "unknown variable (expected interval or batch)";
                case CommandError.DuplicateVariable:
                    return "a variable or member appears twice";
                case CommandError.IntervalBelowMinimum:
                    return value.ToString() + " s is below the minimum of " + MinIntervalSeconds.ToString() + " s";
                case CommandError.OutOfRange:
                    return value.ToString() + " is out of range (interval " + MinIntervalSeconds.ToString() + "…"
                        + CommandParser.MaxIntervalSeconds.ToString() + " s, batch 1…" + CommandParser.MaxBatchSize.ToString() + ")";
                default:
                    return "ok";
            }
        }
    }
}
