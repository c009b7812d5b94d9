namespace TagoFirmware.Benchmarks.IlCost
{
    /// <summary>P20 (ten temperature/humidity pairs, 2,111 bytes) with our writer.</summary>
    public sealed class P20PayloadScenario : PayloadScenario
    {
        /// <summary>Creates the scenario.</summary>
        public P20PayloadScenario()
            : base(10, false)
        {
        }

        /// <inheritdoc/>
        public override string Name => "p20";
    }
}
