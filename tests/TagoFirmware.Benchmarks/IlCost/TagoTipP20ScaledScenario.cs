namespace TagoFirmware.Benchmarks.IlCost
{
    /// <summary>The P20 readings (20 variables) as one TagoTiP frame, numbers from scaled integers.</summary>
    public sealed class TagoTipP20ScaledScenario : TagoTipFrameScenario
    {
        /// <summary>Creates the scenario.</summary>
        public TagoTipP20ScaledScenario()
            : base(10, true)
        {
        }

        /// <inheritdoc/>
        public override string Name => "tip-p20-scaled";
    }
}
