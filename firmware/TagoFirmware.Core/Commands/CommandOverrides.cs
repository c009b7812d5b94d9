using TagoFirmware.Common;
using TagoFirmware.Readings;

namespace TagoFirmware.Commands
{
    /// <summary>The interval and batch size in force: the configuration's unless a command overrode them; overrides persist in a CRC-checked record.</summary>
    /// <remarks>Record (20 bytes, LE; docs/commands.md): 0–1 "OV"; 2 version (1); 3 flags (bit 0 interval, bit 1 batch); 4–7 interval s; 8–9 batch; 10–11 zero; 12–15 config file CRC; 16–19 CRC-32 of 0–15.</remarks>
    public sealed class CommandOverrides
    {
        private const int RecordLength = 20;
        private const byte RecordVersion = 1;

        private readonly IOverrideStore _store;
        private readonly uint _fingerprint;
        private readonly int _configInterval;
        private readonly int _configBatch;
        // Overrides in force; 0: none (valid values are at least 1).
        private int _interval;
        private int _batch;

        /// <summary>Creates the overrides with the configuration's values (call <see cref="Load"/> at boot); without a store they hold until reboot.</summary>
        public CommandOverrides(IOverrideStore store, uint configFingerprint, int configIntervalSeconds, int configBatchSize)
        {
            _store = store;
            _fingerprint = configFingerprint;
            _configInterval = configIntervalSeconds;
            _configBatch = configBatchSize;
        }

        /// <summary>The sampling interval in force, in seconds.</summary>
        public int IntervalSeconds => _interval > 0 ? _interval : _configInterval;

        /// <summary>The batch size in force.</summary>
        public int BatchSize => _batch > 0 ? _batch : _configBatch;

        /// <summary>The fingerprint of a configuration file: CRC-32 of its bytes (0 for null).</summary>
        public static uint Fingerprint(byte[] config) => config == null ? 0 : Crc32.Compute(config, 0, config.Length);

        /// <summary>Applies the stored record when intact, made against this config file and within today's limits. Returns null (nothing set), "applied", or why not.</summary>
        public string Load(int minIntervalSeconds)
        {
            _interval = 0;
            _batch = 0;
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
                || (uint)ReadingRecord.ReadInt32(record, 16) != Crc32.Compute(record, 0, 16))
            {
                return "record damaged, ignored";
            }

            if ((uint)ReadingRecord.ReadInt32(record, 12) != _fingerprint)
            {
                // Cleared, so going back to the old configuration later does not bring stale overrides back.
                Store(EncodeRecord(_fingerprint, 0, 0));
                return "reset by a new configuration file";
            }

            // 0 is "not set" (the flags byte says the same; a value in force is at least 1).
            int interval = ReadingRecord.ReadInt32(record, 4);
            int batch = ReadingRecord.ReadUInt16(record, 8);
            if ((interval != 0 && (interval < minIntervalSeconds || interval > CommandParser.MaxIntervalSeconds)) || batch > CommandParser.MaxBatchSize)
            {
                return "outside today's limits, ignored";
            }

            _interval = interval;
            _batch = batch;
            return interval != 0 || batch != 0 ? "applied" : null;
        }

        /// <summary>Applies a validated request and persists it; false when not stored (the settings then hold until reboot).</summary>
        public bool Apply(CommandParser request)
        {
            _interval = request.IntervalSeconds > 0 ? request.IntervalSeconds : _interval;
            _batch = request.BatchSize > 0 ? request.BatchSize : _batch;
            return Store(EncodeRecord(_fingerprint, _interval, _batch));
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
            ReadingRecord.WriteUInt16(r, 8, batchSize);
            ReadingRecord.WriteInt32(r, 12, (int)fingerprint);
            ReadingRecord.WriteInt32(r, 16, (int)Crc32.Compute(r, 0, 16));
            return r;
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
