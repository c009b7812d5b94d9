using TagoFirmware.Payload;

namespace TagoFirmware.Diagnostics
{
    /// <summary>Diagnostics figures since boot (not persisted) and when they are due; sensor and command errors are counted here, the rest read from their owners.</summary>
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

        /// <summary>The payload's figures in <see cref="DiagnosticsPayload.ReservedNames"/> order (after <c>device_status</c>), set when it is written; <see cref="DiagnosticsPayload.Omitted"/> leaves one out.</summary>
        public readonly long[] Values = new long[DiagnosticsPayload.ReservedNames.Length - 1];

        /// <summary>Failed sensor samples since boot (one per failed sample, not per raw read).</summary>
        public int SensorErrors;

        /// <summary>Refused or dropped downlink commands since boot.</summary>
        public int CommandErrors;
    }
}
