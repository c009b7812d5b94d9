namespace TagoFirmware.Diagnostics
{
    /// <summary>
    /// Decides when to publish diagnostics: after every <see cref="EveryPayloads"/> data payloads, and as soon as
    /// possible after a <c>ping</c> or <c>diagnostics</c> command. The integrator calls
    /// <see cref="OnPayloadPublished"/> for each data payload the broker acknowledged, publishes diagnostics while
    /// <see cref="IsDue"/>, and calls <see cref="MarkPublished"/> once they went out. Also due once right after
    /// boot, so every restart is visible. Single-threaded, allocation-free.
    /// </summary>
    public sealed class DiagnosticsPolicy
    {
        /// <summary>Default cadence: one diagnostics payload per 60 data payloads (hourly at the default 60 s
        /// interval with one reading per payload).</summary>
        public const int DefaultEveryPayloads = 60;

        /// <summary>Largest accepted cadence.</summary>
        public const int MaxEveryPayloads = 100000;

        private int _payloadsSince;
        private bool _requested;

        /// <summary>Creates the policy.</summary>
        public DiagnosticsPolicy(int everyPayloads)
        {
            EveryPayloads = everyPayloads < 0 ? 0 : (everyPayloads > MaxEveryPayloads ? MaxEveryPayloads : everyPayloads);
            _requested = true;
        }

        /// <summary>The configured cadence in data payloads (0: boot and on request only).</summary>
        public int EveryPayloads { get; }

        /// <summary>True when a diagnostics payload should be published now.</summary>
        public bool IsDue => _requested || (EveryPayloads > 0 && _payloadsSince >= EveryPayloads);

        /// <summary>Counts one delivered data payload.</summary>
        public void OnPayloadPublished()
        {
            if (_payloadsSince < int.MaxValue)
            {
                _payloadsSince++;
            }
        }

        /// <summary>Asks for diagnostics now (ping and diagnostics commands).</summary>
        public void Request()
        {
            _requested = true;
        }

        /// <summary>Records that diagnostics were published: clears the request and restarts the count.</summary>
        public void MarkPublished()
        {
            _requested = false;
            _payloadsSince = 0;
        }
    }
}
