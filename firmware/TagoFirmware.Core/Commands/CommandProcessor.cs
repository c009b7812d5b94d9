using TagoFirmware.Diagnostics;

namespace TagoFirmware.Commands
{
    /// <summary>
    /// Handles one downlink message: parse and validate it all (<see cref="CommandParser"/>), apply all or nothing
    /// (<see cref="CommandOverrides"/>), count refusals in <c>command_errors</c>, request diagnostics for
    /// <c>ping</c>/<c>diagnostics</c>, and write one log line. Never throws; main loop only.
    /// </summary>
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

        // Topic names by CommandKind value.
        private static readonly string[] s_names = { "(unknown)", "reboot", "ping", "interval", "batch", "diagnostics" };

        private readonly CommandParser _parser;
        private readonly CommandOverrides _overrides;
        private readonly DiagnosticsCounters _counters;
        private readonly DiagnosticsPolicy _policy;
        private readonly CommandRequest _request = new CommandRequest();

        /// <summary>Creates the processor; <paramref name="counters"/> and <paramref name="policy"/> may be null.</summary>
        public CommandProcessor(CommandParser parser, CommandOverrides overrides, DiagnosticsCounters counters, DiagnosticsPolicy policy)
        {
            _parser = parser;
            _overrides = overrides;
            _counters = counters;
            _policy = policy;
        }

        /// <summary>The error of the last message (<see cref="CommandError.None"/> when accepted).</summary>
        public CommandError LastError { get; private set; }

        /// <summary>The last message's one log line (no payload bytes, no secrets), e.g. <c>command interval accepted: interval 60 s (persisted)</c>.</summary>
        public string LastLogLine { get; private set; }

        /// <summary>Processes a whole payload array (null = empty); returns an outcome flag.</summary>
        public int Process(string topic, byte[] payload) => Process(topic, payload, 0, payload == null ? 0 : payload.Length);

        /// <summary>Processes a payload held in part of a buffer; returns an outcome flag.</summary>
        public int Process(string topic, byte[] payload, int offset, int length)
        {
            try
            {
                CommandError error = _parser.Parse(topic, payload, offset, length, _request);
                if (error != CommandError.None)
                {
                    return Refuse(error);
                }
            }
            catch (System.Exception)
            {
                // Defensive: the parser is fuzzed never to throw, and nothing is applied before this point.
                return Refuse(CommandError.InternalError);
            }

            LastError = CommandError.None;
            CommandKind kind = _request.Kind;
            string line = "command " + NameOf(kind) + " accepted:";
            if (kind == CommandKind.Reboot)
            {
                LastLogLine = line + " rebooting";
                return Reboot;
            }

            if (kind == CommandKind.Ping || kind == CommandKind.Diagnostics)
            {
                if (_policy != null)
                {
                    _policy.Request();
                }

                LastLogLine = line + (kind == CommandKind.Ping ? " publishing status" : " publishing diagnostics");
                return kind == CommandKind.Ping ? Ping : Diagnostics;
            }

            bool persisted = _overrides.Apply(_request);
            LastLogLine = line
                + (_request.HasInterval ? " interval " + _request.IntervalSeconds.ToString() + " s" : string.Empty)
                + (_request.HasBatch ? " batch " + _request.BatchSize.ToString() : string.Empty)
                + (persisted ? " (persisted)" : " (NOT persisted: storage error; reverts at reboot)");
            return Settings;
        }

        private static string NameOf(CommandKind kind) => s_names[(int)kind];

        private int Refuse(CommandError error)
        {
            LastError = error;
            if (_counters != null)
            {
                _counters.IncrementCommandErrors();
            }

            LastLogLine = "command " + NameOf(_request.Kind) + " refused: " + Describe(error, _request.RefusedValue, _parser.MinIntervalSeconds);
            return Refused;
        }

        /// <summary>The human text of a refusal; <paramref name="value"/> is the offending number of range and size errors.</summary>
        public static string Describe(CommandError error, long value, int minIntervalSeconds)
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
                    return "no value (send e.g. 60 or [{\"variable\":\"interval\",\"value\":60}])";
                case CommandError.InvalidValue:
                    return "value must be an integer (e.g. 60 or \"60\")";
                case CommandError.UnknownVariable:
                    return "unknown variable in payload (expected interval or batch)";
                case CommandError.DuplicateVariable:
                    return "a variable or member appears twice";
                case CommandError.IntervalBelowMinimum:
                    return value.ToString() + " s is below the minimum of " + minIntervalSeconds.ToString() + " s";
                case CommandError.OutOfRange:
                    return value.ToString() + " is out of range (interval " + minIntervalSeconds.ToString() + "…"
                        + CommandParser.MaxIntervalSeconds.ToString() + " s, batch 1…" + CommandParser.MaxBatchSize.ToString() + ")";
                case CommandError.InternalError:
                    return "internal error";
                default:
                    return "ok";
            }
        }
    }
}
