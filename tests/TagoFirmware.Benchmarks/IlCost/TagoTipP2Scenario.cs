namespace TagoFirmware.Benchmarks.IlCost
{
    /// <summary>The P2 readings (2 variables) as one TagoTiP frame.</summary>
    public sealed class TagoTipP2Scenario : TagoTipFrameScenario
    {
        /// <summary>Creates the scenario.</summary>
        public TagoTipP2Scenario()
            : base(1)
        {
        }

        /// <inheritdoc/>
        public override string Name => "tip-p2";
    }
}
