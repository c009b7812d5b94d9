using TagoFirmware.Common;

namespace TagoFirmware.Commands
{
    /// <summary>
    /// The interval and batch size in force: the configuration's values unless a downlink command overrode them.
    /// Accepted overrides are persisted in a tiny versioned record with a CRC through an <see cref="IOverrideStore"/>,
    /// apart from the configuration file, and survive reboots.
    /// </summary>
    /// <remarks>
    /// Which wins: the record stores a fingerprint (CRC-32) of the configuration file it was made against. At boot
    /// <see cref="Load"/> applies the overrides only if the configuration file is byte-for-byte the same; a newly
    /// deployed (changed) configuration file resets them, because whoever deployed it decided the values last.
    /// Redeploying an identical file keeps the overrides; to drop them then, send the command again with the
    /// configuration's value, or change the file (any changed byte changes the fingerprint).
    /// <para>Record layout (20 bytes, little-endian): 0–1 magic "OV"; 2 version (1); 3 flags (bit 0 interval set,
    /// bit 1 batch set); 4–7 interval in seconds; 8–9 batch size; 10–11 zero; 12–15 configuration fingerprint;
    /// 16–19 CRC-32 of bytes 0–15.</para>
    /// </remarks>
    public sealed class CommandOverrides
    {
        /// <summary>Length of the persisted record in bytes.</summary>
        public const int RecordLength = 20;

        /// <summary>Version of the record layout written by this firmware.</summary>
        public const byte RecordVersion = 1;

        private const byte MagicO = 0x4F;
        private const byte MagicV = 0x56;

        private readonly IOverrideStore _store;
        private int _interval;
        private int _batch;

        /// <summary>Creates the overrides with the configuration's values in force (call <see cref="Load"/> at boot).</summary>
        /// <param name="store">Where the record lives.</param>
        /// <param name="configFingerprint"><see cref="Fingerprint"/> of the configuration file in use.</param>
        /// <param name="configIntervalSeconds">The configured sampling interval.</param>
        /// <param name="configBatchSize">The configured batch size.</param>
        public CommandOverrides(IOverrideStore store, uint configFingerprint, int configIntervalSeconds, int configBatchSize)
        {
            if (store == null)
            {
                throw new System.ArgumentNullException(nameof(store));
            }

            _store = store;
            ConfigFingerprint = configFingerprint;
            ConfigIntervalSeconds = configIntervalSeconds;
            ConfigBatchSize = configBatchSize;
        }

        /// <summary>Fingerprint of the configuration file in use.</summary>
        public uint ConfigFingerprint { get; }

        /// <summary>The interval from the configuration file, in seconds.</summary>
        public int ConfigIntervalSeconds { get; }

        /// <summary>The batch size from the configuration file.</summary>
        public int ConfigBatchSize { get; }

        /// <summary>True when a command overrides the interval.</summary>
        public bool HasIntervalOverride { get; private set; }

        /// <summary>True when a command overrides the batch size.</summary>
        public bool HasBatchOverride { get; private set; }

        /// <summary>The sampling interval in force, in seconds.</summary>
        public int IntervalSeconds => HasIntervalOverride ? _interval : ConfigIntervalSeconds;

        /// <summary>The batch size in force.</summary>
        public int BatchSize => HasBatchOverride ? _batch : ConfigBatchSize;

        /// <summary>The fingerprint of a configuration file: CRC-32 of its bytes.</summary>
        /// <param name="config">The buffer holding the file.</param>
        /// <param name="offset">Start of the file in the buffer.</param>
        /// <param name="length">Length of the file.</param>
        /// <returns>The fingerprint; 0 for a null buffer or an invalid range.</returns>
        public static uint Fingerprint(byte[] config, int offset, int length)
        {
            if (config == null || offset < 0 || length < 0 || offset > config.Length || length > config.Length - offset)
            {
                return 0;
            }

            return Crc32.Compute(config, offset, length);
        }

        /// <summary>
        /// Reads the stored record and applies it when it is intact, made against this configuration file and within
        /// today's limits. A record from another configuration is cleared. Never throws.
        /// </summary>
        /// <param name="minIntervalSeconds">The smallest interval the read pipelines allow now.</param>
        /// <returns>What was found.</returns>
        public OverrideLoadResult Load(int minIntervalSeconds)
        {
            HasIntervalOverride = false;
            HasBatchOverride = false;
            byte[] record;
            try
            {
                record = _store.Read();
            }
            catch (System.Exception)
            {
                record = null;
            }

            if (record == null)
            {
                return OverrideLoadResult.NoRecord;
            }

            uint fingerprint;
            bool hasInterval;
            int interval;
            bool hasBatch;
            int batch;
            if (!TryDecodeRecord(record, out fingerprint, out hasInterval, out interval, out hasBatch, out batch))
            {
                return OverrideLoadResult.Corrupt;
            }

            if (fingerprint != ConfigFingerprint)
            {
                // Clear it, so that going back to the old configuration later does not resurrect stale overrides.
                SafeWrite(EncodeRecord(ConfigFingerprint, false, 0, false, 0));
                return OverrideLoadResult.ConfigChanged;
            }

            if ((hasInterval && (interval < minIntervalSeconds || interval > CommandParser.MaxIntervalSeconds))
                || (hasBatch && (batch < CommandParser.MinBatchSize || batch > CommandParser.MaxBatchSize)))
            {
                return OverrideLoadResult.OutOfRange;
            }

            HasIntervalOverride = hasInterval;
            _interval = interval;
            HasBatchOverride = hasBatch;
            _batch = batch;
            return hasInterval || hasBatch ? OverrideLoadResult.Applied : OverrideLoadResult.NoRecord;
        }

        /// <summary>
        /// Applies a validated request (both settings at once, or neither) and persists the result. The settings are
        /// in force even when persisting fails; the return value says whether they will survive a reboot.
        /// </summary>
        /// <param name="request">A request for which <see cref="CommandParser.Parse"/> returned None.</param>
        /// <returns>True when the new record was stored.</returns>
        public bool Apply(CommandRequest request)
        {
            if (request == null || (!request.HasInterval && !request.HasBatch))
            {
                return true;
            }

            bool hasInterval = HasIntervalOverride || request.HasInterval;
            int interval = request.HasInterval ? request.IntervalSeconds : _interval;
            bool hasBatch = HasBatchOverride || request.HasBatch;
            int batch = request.HasBatch ? request.BatchSize : _batch;

            byte[] record = EncodeRecord(ConfigFingerprint, hasInterval, interval, hasBatch, batch);
            HasIntervalOverride = hasInterval;
            _interval = interval;
            HasBatchOverride = hasBatch;
            _batch = batch;
            return SafeWrite(record);
        }

        /// <summary>Encodes a record (layout in the class remarks).</summary>
        /// <param name="fingerprint">Configuration fingerprint.</param>
        /// <param name="hasInterval">Whether the interval is overridden.</param>
        /// <param name="intervalSeconds">The interval (0…2^31−1).</param>
        /// <param name="hasBatch">Whether the batch size is overridden.</param>
        /// <param name="batchSize">The batch size (0…65535).</param>
        /// <returns>A new <see cref="RecordLength"/>-byte record.</returns>
        public static byte[] EncodeRecord(uint fingerprint, bool hasInterval, int intervalSeconds, bool hasBatch, int batchSize)
        {
            byte[] r = new byte[RecordLength];
            r[0] = MagicO;
            r[1] = MagicV;
            r[2] = RecordVersion;
            r[3] = (byte)((hasInterval ? 1 : 0) | (hasBatch ? 2 : 0));
            WriteUInt32(r, 4, (uint)intervalSeconds);
            r[8] = (byte)batchSize;
            r[9] = (byte)(batchSize >> 8);
            WriteUInt32(r, 12, fingerprint);
            WriteUInt32(r, 16, Crc32.Compute(r, 0, 16));
            return r;
        }

        /// <summary>Decodes a record; false when its length, magic, version, flags or CRC is wrong.</summary>
        /// <param name="record">The stored bytes.</param>
        /// <param name="fingerprint">Configuration fingerprint.</param>
        /// <param name="hasInterval">Whether the interval is overridden.</param>
        /// <param name="intervalSeconds">The interval.</param>
        /// <param name="hasBatch">Whether the batch size is overridden.</param>
        /// <param name="batchSize">The batch size.</param>
        /// <returns>True when the record is intact.</returns>
        public static bool TryDecodeRecord(byte[] record, out uint fingerprint, out bool hasInterval, out int intervalSeconds,
            out bool hasBatch, out int batchSize)
        {
            fingerprint = 0;
            hasInterval = false;
            intervalSeconds = 0;
            hasBatch = false;
            batchSize = 0;
            if (record == null || record.Length != RecordLength || record[0] != MagicO || record[1] != MagicV
                || record[2] != RecordVersion || (record[3] & 0xFC) != 0 || record[10] != 0 || record[11] != 0
                || ReadUInt32(record, 16) != Crc32.Compute(record, 0, 16))
            {
                return false;
            }

            uint interval = ReadUInt32(record, 4);
            if (interval > int.MaxValue)
            {
                return false;
            }

            hasInterval = (record[3] & 1) != 0;
            hasBatch = (record[3] & 2) != 0;
            intervalSeconds = (int)interval;
            batchSize = record[8] | (record[9] << 8);
            fingerprint = ReadUInt32(record, 12);
            return true;
        }

        private bool SafeWrite(byte[] record)
        {
            try
            {
                return _store.Write(record);
            }
            catch (System.Exception)
            {
                return false;
            }
        }

        private static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        private static uint ReadUInt32(byte[] buffer, int offset)
        {
            return buffer[offset] | ((uint)buffer[offset + 1] << 8) | ((uint)buffer[offset + 2] << 16) | ((uint)buffer[offset + 3] << 24);
        }
    }
}
