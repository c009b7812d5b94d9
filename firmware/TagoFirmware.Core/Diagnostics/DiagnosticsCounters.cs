using TagoFirmware.Payload;

namespace TagoFirmware.Diagnostics
{
    /// <summary>The diagnostics payload's figures: counts since boot (not persisted), saturating; sensor and command errors
    /// are counted here, the rest copied from their owners before each payload.</summary>
    public sealed class DiagnosticsCounters
    {
        private readonly byte[] _firmwareVersion;

        /// <summary>Creates the counters for a firmware version.</summary>
        public DiagnosticsCounters(string firmwareVersion)
        {
            _firmwareVersion = TagoUtf8.GetBytes(firmwareVersion == null || firmwareVersion.Length == 0 ? "unknown" : firmwareVersion);
        }

        /// <summary>The firmware version as UTF-8 bytes (a string value in the payload). Treat as read-only.</summary>
        public byte[] FirmwareVersionUtf8 => _firmwareVersion;

        /// <summary>Why the node started; set once at boot.</summary>
        public BootReason BootReason { get; set; }

        /// <summary>Seconds since boot, from the monotonic clock.</summary>
        public long UptimeSeconds { get; set; }

        /// <summary>Free managed heap in bytes (<c>GC.Run(false)</c> on the device); −1 when unknown.</summary>
        public long HeapFree { get; set; } = -1;

        /// <summary>Readings waiting in the queue.</summary>
        public int QueueDepth { get; set; }

        /// <summary>True when <see cref="RssiDbm"/> holds a measured value (nanoFramework gets one only from a WiFi scan).</summary>
        public bool HasRssi { get; set; }

        /// <summary>WiFi signal strength in dBm; valid when <see cref="HasRssi"/>.</summary>
        public int RssiDbm { get; set; }

        /// <summary>MQTT reconnects since boot.</summary>
        public int Reconnects { get; set; }

        /// <summary>Connections refused for bad credentials since boot.</summary>
        public int AuthFailures { get; set; }

        /// <summary>Readings lost since boot.</summary>
        public int DroppedReadings { get; set; }

        /// <summary>Readings taken without a valid wall clock since boot.</summary>
        public int UntimedReadings { get; set; }

        /// <summary>Failed reading-store calls since boot, e.g. writes to a full partition.</summary>
        public int StoreErrors { get; set; }

        /// <summary>Acknowledged readings whose removal was not stored at once (a power cut would resend them).</summary>
        public int UnsavedAcks { get; set; }

        /// <summary>TagoTiP cycles dropped because the server refused them alone (<c>invalid_payload</c>).</summary>
        public int Quarantined { get; set; }

        /// <summary>Failed sensor samples since boot (one per failed sample, not per raw read).</summary>
        public int SensorErrors { get; private set; }

        /// <summary>Refused downlink commands since boot.</summary>
        public int CommandErrors { get; private set; }

        /// <summary>Counts one failed sensor sample.</summary>
        public void IncrementSensorErrors() => SensorErrors = Saturating(SensorErrors);

        /// <summary>Counts one refused downlink command.</summary>
        public void IncrementCommandErrors() => CommandErrors = Saturating(CommandErrors);

        /// <summary>Counts <paramref name="count"/> downlink commands dropped unparsed (size or rate limit).</summary>
        public void AddCommandErrors(int count)
        {
            if (count > 0)
            {
                CommandErrors = count > int.MaxValue - CommandErrors ? int.MaxValue : CommandErrors + count;
            }
        }

        private static int Saturating(int value) => value == int.MaxValue ? value : value + 1;
    }
}
