namespace TagoFirmware.Config
{
    /// <summary>The <c>diagnostics</c> group.</summary>
    public sealed class DiagnosticsConfig
    {
        private readonly ConfigValues _v;

        internal DiagnosticsConfig(ConfigValues values) => _v = values;

        /// <summary><c>diagnostics.every_payloads</c>: diagnostics with every Nth data payload; 0 = only on request.</summary>
        public int EveryPayloads { get => _v.Number(ConfigKeys.DiagnosticsEvery); set => _v.SetNumber(ConfigKeys.DiagnosticsEvery, value); }
    }
}
