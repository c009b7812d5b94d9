namespace TagoFirmware.Benchmarks.IlCost
{
    /// <summary>P20 written the nanoFramework samples' way.</summary>
    public sealed class P20SamplesWayScenario : PayloadScenario
    {
        /// <summary>Creates the scenario.</summary>
        public P20SamplesWayScenario()
            : base(10, true)
        {
        }

        /// <inheritdoc/>
        public override string Name => "p20-samples";
    }
}
