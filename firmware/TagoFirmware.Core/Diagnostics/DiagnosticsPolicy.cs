namespace TagoFirmware.Diagnostics
{
    /// <summary>When diagnostics are due: after boot, every <see cref="EveryPayloads"/> delivered payloads, and on request.</summary>
    public sealed class DiagnosticsPolicy
    {
        private int _payloadsSince;
        private bool _requested;

        /// <summary>Creates the policy with a validated cadence (<c>diagnostics.every_payloads</c>); due at once (boot).</summary>
        public DiagnosticsPolicy(int everyPayloads)
        {
            EveryPayloads = everyPayloads;
            _requested = true;
        }

        /// <summary>The configured cadence in data payloads (0: boot and on request only).</summary>
        public int EveryPayloads { get; }

        /// <summary>True when a diagnostics payload should be published now.</summary>
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
    }
}
