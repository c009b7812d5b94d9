using TagoFirmware.Diagnostics;
using TagoFirmware.Node;
using TagoFirmware.Platform;
using TagoFirmware.Readings;

namespace TagoFirmware.Commands
{
    /// <summary>Runs a step's downlink commands: parse each, apply all or nothing, count refusals and drops in <c>command_errors</c>, log one line each;
    /// owns the interval and batch size in force (the configuration's unless a command overrode them; overrides persist in a CRC-checked record).</summary>
    /// <remarks>Record (20 bytes, LE; docs/commands.md): 0–1 "OV"; 2 version (1); 3 flags (bit 0 interval, bit 1 batch); 4–7 interval s; 8–9 batch; 10–11 zero; 12–15 config file CRC; 16–19 CRC-32 of 0–15.</remarks>
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

        /// <summary>Outcome flag: interval and/or batch changed.</summary>
        public const int Settings = 8;

        // Dropped commands are counted in command_errors at once but logged at most this often.
        private const long DropLogIntervalMs = 60000;
        private const int RecordLength = 20;
        private const byte RecordVersion = 1;

        // Outcome and log text by the parser's Kind; a setting's unit is its kind's text.
        private static readonly int[] s_outcomes = { Refused, Reboot, Ping, Settings, Settings, Diagnostics };
        private static readonly string[] s_accepted = "-| rebooting| publishing status| s|| publishing diagnostics".Split('|');

        // Log texts by CommandError value.
        private static readonly string[] s_refusals = ("ok|topic is not one level below the command prefix"
            + "|unknown command (expected reboot, ping, interval, batch or diagnostics)| bytes: payload over 512 bytes"
            + "|payload is not well-formed JSON|no value (e.g. 60)|value must be an integer (e.g. 60 or \"60\")"
            + "|unknown variable (expected interval or batch)|a variable or member appears twice| s is below the minimum of "
            + "| is out of range (interval ").Split('|');

        private readonly CommandParser _parser;
        private readonly IOverrideStore _store;
        private readonly uint _fingerprint;
        private readonly DiagnosticsCounters _counters;
        private readonly ILog _log;
        // By setting (1 interval s, 2 batch): the configuration's values, and the overrides in force (0: none; valid values are at least 1).
        private readonly int[] _config;
        private readonly int[] _set = new int[3];
        private int _droppedUnlogged;
        private long _nextDropLogMs = long.MinValue;

        /// <summary>Creates the processor with the configuration's settings (call <see cref="Load"/> at boot); without a store overrides hold until reboot; <paramref name="log"/> may be null.</summary>
        public CommandProcessor(CommandParser parser, IOverrideStore store, uint configFingerprint, int configIntervalSeconds, int configBatchSize,
            DiagnosticsCounters counters, ILog log)
        {
            _parser = parser;
            _store = store;
            _fingerprint = configFingerprint;
            _config = new int[] { 0, configIntervalSeconds, configBatchSize };
            _counters = counters;
            _log = log;
        }

        /// <summary>The sampling interval in force, in seconds.</summary>
        public int IntervalSeconds => InForce(1);

        /// <summary>The batch size in force.</summary>
        public int BatchSize => InForce(2);

        /// <summary>The smallest interval the <c>interval</c> command accepts.</summary>
        public int MinIntervalSeconds => _parser.MinIntervalSeconds;

        /// <summary>The last message's one log line (no payload bytes, no secrets), e.g. <c>command interval accepted: interval 60 s (persisted)</c>.</summary>
        public string LastLogLine { get; private set; }

        private int InForce(int which) => _set[which] > 0 ? _set[which] : _config[which];

        /// <summary>Applies the stored record when intact, made against this config file and within today's limits. Returns null (nothing set), "applied", or why not.</summary>
        public string Load()
        {
            _set[1] = _set[2] = 0;
            byte[] record;
            try
            {
                record = _store == null ? null : _store.Read();
            }
            catch (System.Exception)
            {
                record = null;
            }

            if (record == null)
            {
                return null;
            }

            // The CRC and version cover the rest; a negative interval fails the range check below.
            if (record.Length != RecordLength || record[0] != 'O' || record[1] != 'V' || record[2] != RecordVersion
                || !ReadingRecord.IsSealed(record, 0, 16))
            {
                return "record damaged, ignored";
            }

            if ((uint)ReadingRecord.ReadInt32(record, 12) != _fingerprint)
            {
                // Cleared, so going back to the old configuration later does not bring stale overrides back.
                Store(EncodeRecord(_fingerprint, 0, 0));
                return "reset by a new configuration file";
            }

            // 0 is "not set" (the flags byte says the same).
            int interval = ReadingRecord.ReadInt32(record, 4);
            int batch = ReadingRecord.ReadUInt16(record, 8);
            if ((interval != 0 && _parser.Check(1, interval) != CommandError.None) || (batch != 0 && _parser.Check(2, batch) != CommandError.None))
            {
                return "outside today's limits, ignored";
            }

            _set[1] = interval;
            _set[2] = batch;
            return interval != 0 || batch != 0 ? "applied" : null;
        }

        /// <summary>Encodes a record (layout in the class remarks); 0 sets no interval or batch.</summary>
        public static byte[] EncodeRecord(uint fingerprint, int intervalSeconds, int batchSize)
        {
            byte[] r = new byte[RecordLength];
            r[0] = (byte)'O';
            r[1] = (byte)'V';
            r[2] = RecordVersion;
            r[3] = (byte)((intervalSeconds > 0 ? 1 : 0) | (batchSize > 0 ? 2 : 0));
            ReadingRecord.WriteInt32(r, 4, intervalSeconds);
            ReadingRecord.WriteInt32(r, 8, batchSize); // a batch ≤ 100 leaves bytes 10–11 zero
            ReadingRecord.WriteInt32(r, 12, (int)fingerprint);
            ReadingRecord.Seal(r, 0, 16);
            return r;
        }

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
                done = string.Empty;
                for (int which = 1; which <= 2; which++)
                {
                    int v = p.Value(which);
                    if (v > 0)
                    {
                        _set[which] = v;
                        done += " " + CommandParser.Names[which + 2] + " " + v.ToString() + s_accepted[which + 2];
                    }
                }

                done += Store(EncodeRecord(_fingerprint, _set[1], _set[2])) ? " (persisted)" : " (NOT persisted: storage error; reverts at reboot)";
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
            return error == CommandError.PayloadTooLarge ? value.ToString() + text : error < CommandError.IntervalBelowMinimum ? text
                : value.ToString() + text + MinIntervalSeconds.ToString() + (error == CommandError.OutOfRange ? "…86400 s, batch 1…100)" : " s");
        }

        private bool Store(byte[] record)
        {
            try
            {
                return _store == null || _store.Write(record);
            }
            catch (System.Exception)
            {
                return false;
            }
        }
    }
}
