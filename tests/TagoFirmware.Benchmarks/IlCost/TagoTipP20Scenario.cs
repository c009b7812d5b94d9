namespace TagoFirmware.Benchmarks.IlCost
{
    /// <summary>The P20 readings (20 variables) as one TagoTiP frame.</summary>
    public sealed class TagoTipP20Scenario : TagoTipFrameScenario
    {
        /// <summary>Creates the scenario.</summary>
        public TagoTipP20Scenario()
            : base(10)
        {
        }

        /// <inheritdoc/>
        public override string Name => "tip-p20";
    }
}
