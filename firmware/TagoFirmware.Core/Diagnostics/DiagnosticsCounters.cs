using TagoFirmware.Payload;

namespace TagoFirmware.Diagnostics
{
    /// <summary>Diagnostics figures since boot (not persisted) and when they are due; owners count or copy them in.</summary>
    public sealed class DiagnosticsCounters
    {
        /// <summary>The firmware version as UTF-8 bytes (a string value in the payload). Treat as read-only.</summary>
        public readonly byte[] FirmwareVersionUtf8;

        private int _payloadsSince;
        private bool _requested = true;

        /// <summary>Creates the counters for a firmware version.</summary>
        public DiagnosticsCounters(string firmwareVersion)
        {
            FirmwareVersionUtf8 = TagoUtf8.GetBytes(firmwareVersion == null || firmwareVersion.Length == 0 ? "unknown" : firmwareVersion);
        }

        /// <summary>The cadence in delivered data payloads (<c>diagnostics.every_payloads</c>; 0: after boot and on request only).</summary>
        public int EveryPayloads;

        /// <summary>True when a diagnostics payload is due: after boot, every <see cref="EveryPayloads"/> payloads, on request.</summary>
        public bool IsDue => _requested || (EveryPayloads > 0 && _payloadsSince >= EveryPayloads);

        /// <summary>Counts one delivered data payload.</summary>
        public void OnPayloadPublished() => _payloadsSince++;

        /// <summary>Asks for diagnostics now (ping and diagnostics commands).</summary>
        public void Request() => _requested = true;

        /// <summary>Records that diagnostics were published: clears the request and restarts the count.</summary>
        public void MarkPublished()
        {
            _requested = false;
            _payloadsSince = 0;
        }

        /// <summary>Why the node started; set once at boot.</summary>
        public BootReason BootReason;

        /// <summary>Seconds since boot, from the monotonic clock.</summary>
        public long UptimeSeconds;

        /// <summary>Free managed heap in bytes (<c>GC.Run(false)</c> on the device); −1 when unknown.</summary>
        public long HeapFree = -1;

        /// <summary>Readings waiting in the queue.</summary>
        public int QueueDepth;

        /// <summary>True when <see cref="RssiDbm"/> holds a measured value (nanoFramework gets one only from a WiFi scan).</summary>
        public bool HasRssi;

        /// <summary>WiFi signal strength in dBm; valid when <see cref="HasRssi"/>.</summary>
        public int RssiDbm;

        /// <summary>MQTT reconnects since boot.</summary>
        public int Reconnects;

        /// <summary>Connections refused for bad credentials since boot.</summary>
        public int AuthFailures;

        /// <summary>Readings lost since boot.</summary>
        public int DroppedReadings;

        /// <summary>Readings taken without a valid wall clock since boot.</summary>
        public int UntimedReadings;

        /// <summary>Failed reading-store calls since boot, e.g. writes to a full partition.</summary>
        public int StoreErrors;

        /// <summary>Acknowledged readings whose removal was not stored at once (a power cut would resend them).</summary>
        public int UnsavedAcks;

        /// <summary>TagoTiP cycles dropped because the server refused them alone (<c>invalid_payload</c>).</summary>
        public int Quarantined;

        /// <summary>Failed sensor samples since boot (one per failed sample, not per raw read).</summary>
        public int SensorErrors;

        /// <summary>Refused or dropped downlink commands since boot.</summary>
        public int CommandErrors;
    }
}
