namespace TagoFirmware.Config
{
    /// <summary>The <c>diagnostics</c> group.</summary>
    public sealed class DiagnosticsConfig
    {
        /// <summary>Default: diagnostics with every 60th data payload (about one an hour at the default settings).</summary>
        public const int DefaultEveryPayloads = 60;

        /// <summary><c>diagnostics.every_payloads</c>: publish diagnostics with every Nth data payload, 0…100000; 0 = only
        /// on the <c>ping</c> and <c>diagnostics</c> commands. Default 60. Every diagnostics variable is a billed TagoIO
        /// data input.</summary>
        public int EveryPayloads { get; set; } = DefaultEveryPayloads;
    }
}
