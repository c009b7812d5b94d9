namespace TagoFirmware.Benchmarks.IlCost
{
    /// <summary>P2 (one temperature/humidity pair, 212 bytes) with our writer.</summary>
    public sealed class P2PayloadScenario : PayloadScenario
    {
        /// <summary>Creates the scenario.</summary>
        public P2PayloadScenario()
            : base(1, false)
        {
        }

        /// <inheritdoc/>
        public override string Name => "p2";
    }
}
