using TagoFirmware.Diagnostics;

namespace TagoFirmware.Commands
{
    /// <summary>
    /// Handles one downlink message end to end: parse and validate everything first (<see cref="CommandParser"/>),
    /// then apply all of it or nothing (<see cref="CommandOverrides"/>), count refusals in <c>command_errors</c>,
    /// request diagnostics for <c>ping</c>/<c>diagnostics</c>, and produce exactly one log line per message.
    /// Never throws. Call it from the main loop with messages the MQTT adapter queued (not from the M2Mqtt
    /// receive thread).
    /// </summary>
    public sealed class CommandProcessor
    {
        private readonly CommandParser _parser;
        private readonly CommandOverrides _overrides;
        private readonly DiagnosticsCounters _counters;
        private readonly DiagnosticsPolicy _policy;
        private readonly CommandRequest _request = new CommandRequest();

        /// <summary>Creates the processor.</summary>
        /// <param name="parser">The parser (topic filter and minimum interval).</param>
        /// <param name="overrides">The settings in force and their persistence.</param>
        /// <param name="counters">Where <c>command_errors</c> is counted, or null.</param>
        /// <param name="policy">The diagnostics policy to notify on ping/diagnostics, or null.</param>
        public CommandProcessor(CommandParser parser, CommandOverrides overrides, DiagnosticsCounters counters, DiagnosticsPolicy policy)
        {
            if (parser == null)
            {
                throw new System.ArgumentNullException(nameof(parser));
            }

            if (overrides == null)
            {
                throw new System.ArgumentNullException(nameof(overrides));
            }

            _parser = parser;
            _overrides = overrides;
            _counters = counters;
            _policy = policy;
        }

        /// <summary>The error of the last message (<see cref="CommandError.None"/> when it was accepted).</summary>
        public CommandError LastError { get; private set; }

        /// <summary>
        /// The one log line describing the last message, e.g. <c>command interval refused: 5 s is below the minimum of
        /// 12 s</c> or <c>command interval accepted: interval 60 s (persisted)</c>. Contains no payload bytes and no
        /// secrets; the command name appears only when it is a known one.
        /// </summary>
        public string LastLogLine { get; private set; }

        /// <summary>True when the last accepted settings change was stored (false: in force until the next reboot only).</summary>
        public bool LastPersisted { get; private set; }

        /// <summary>Processes a whole payload array.</summary>
        /// <param name="topic">The topic the message arrived on.</param>
        /// <param name="payload">The payload (null is treated as empty).</param>
        /// <returns>What the integrator must do.</returns>
        public CommandOutcome Process(string topic, byte[] payload)
        {
            return Process(topic, payload, 0, payload == null ? 0 : payload.Length);
        }

        /// <summary>Processes a payload held in part of a buffer.</summary>
        /// <param name="topic">The topic the message arrived on.</param>
        /// <param name="payload">The buffer (null is treated as empty).</param>
        /// <param name="offset">Start of the payload.</param>
        /// <param name="length">Length of the payload.</param>
        /// <returns>What the integrator must do.</returns>
        public CommandOutcome Process(string topic, byte[] payload, int offset, int length)
        {
            try
            {
                return ProcessUnsafe(topic, payload, offset, length);
            }
            catch (System.Exception)
            {
                // Defensive only: the parser is fuzzed to never throw. Nothing was applied before the exception,
                // because applying is the last step.
                return Refuse(CommandError.InternalError);
            }
        }

        private CommandOutcome ProcessUnsafe(string topic, byte[] payload, int offset, int length)
        {
            CommandError error = _parser.Parse(topic, payload, offset, length, _request);
            if (error != CommandError.None)
            {
                return Refuse(error);
            }

            LastError = CommandError.None;
            switch (_request.Kind)
            {
                case CommandKind.Reboot:
                    LastLogLine = "command reboot accepted: rebooting";
                    return CommandOutcome.Reboot;

                case CommandKind.Ping:
                    RequestDiagnostics();
                    LastLogLine = "command ping accepted: publishing status";
                    return CommandOutcome.Ping;

                case CommandKind.Diagnostics:
                    RequestDiagnostics();
                    LastLogLine = "command diagnostics accepted: publishing diagnostics";
                    return CommandOutcome.Diagnostics;

                default:
                    LastPersisted = _overrides.Apply(_request);
                    LastLogLine = "command " + NameOf(_request.Kind) + " accepted:"
                        + (_request.HasInterval ? " interval " + _request.IntervalSeconds.ToString() + " s" : string.Empty)
                        + (_request.HasBatch ? " batch " + _request.BatchSize.ToString() : string.Empty)
                        + (LastPersisted ? " (persisted)" : " (NOT persisted: storage error; reverts at reboot)");
                    return CommandOutcome.SettingsApplied;
            }
        }

        private void RequestDiagnostics()
        {
            if (_policy != null)
            {
                _policy.Request();
            }
        }

        private CommandOutcome Refuse(CommandError error)
        {
            LastError = error;
            if (_counters != null)
            {
                _counters.IncrementCommandErrors();
            }

            LastLogLine = "command " + NameOf(_request.Kind) + " refused: " + Describe(error, _request.RefusedValue, _parser.MinIntervalSeconds);
            return CommandOutcome.Refused;
        }

        /// <summary>The command's topic name, or "(unknown)".</summary>
        /// <param name="kind">The command.</param>
        /// <returns>The name as it appears in topics.</returns>
        public static string NameOf(CommandKind kind)
        {
            switch (kind)
            {
                case CommandKind.Reboot:
                    return "reboot";
                case CommandKind.Ping:
                    return "ping";
                case CommandKind.Interval:
                    return "interval";
                case CommandKind.Batch:
                    return "batch";
                case CommandKind.Diagnostics:
                    return "diagnostics";
                default:
                    return "(unknown)";
            }
        }

        /// <summary>The human text of a refusal, as used in <see cref="LastLogLine"/>.</summary>
        /// <param name="error">The error.</param>
        /// <param name="value">The offending number for range and size errors.</param>
        /// <param name="minIntervalSeconds">The minimum interval, quoted for <see cref="CommandError.IntervalBelowMinimum"/>.</param>
        /// <returns>The text.</returns>
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
                        + CommandParser.MaxIntervalSeconds.ToString() + " s, batch " + CommandParser.MinBatchSize.ToString()
                        + "…" + CommandParser.MaxBatchSize.ToString() + ")";
                case CommandError.InternalError:
                    return "internal error";
                default:
                    return "ok";
            }
        }
    }
}
