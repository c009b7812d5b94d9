namespace TagoFirmware.Benchmarks.IlCost
{
    /// <summary>P2 written the nanoFramework samples' way.</summary>
    public sealed class P2SamplesWayScenario : PayloadScenario
    {
        /// <summary>Creates the scenario.</summary>
        public P2SamplesWayScenario()
            : base(1, true)
        {
        }

        /// <inheritdoc/>
        public override string Name => "p2-samples";
    }
}
