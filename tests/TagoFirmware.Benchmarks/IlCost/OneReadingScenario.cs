using TagoFirmware.IlCount;

namespace TagoFirmware.Benchmarks.IlCost
{
    /// <summary>
    /// One reading through the node: sampled from a fake DHT22, queued in a persistent store, batched by 10, published
    /// at QoS 1 and removed on its acknowledgement, every step the run loop makes included; averaged over 1,000
    /// readings. The payload write (TagoJsonWriter) is left out: the p2/p20 scenarios measure it.
    /// </summary>
    public sealed class OneReadingScenario : IlScenario
    {
        private const int Readings = 1000;
        private NodeScenarioRig _rig;

        /// <inheritdoc/>
        public override string Name => "reading";

        /// <inheritdoc/>
        public override string Description => "one reading, sampled to removed on its ack (batch 10, QoS 1, persisted), without the payload write";

        /// <inheritdoc/>
        public override int Operations => Readings;

        /// <inheritdoc/>
        public override void Setup()
        {
            _rig = new NodeScenarioRig();
            for (int i = 0; i < 200; i++)
            {
                _rig.StepToNextDue();
            }
        }

        /// <inheritdoc/>
        public override void Run()
        {
            int acked = _rig.Node.Publisher.PayloadsAcked;
            int queued = _rig.Node.Sampler.ReadingsQueued;
            while (_rig.Node.Sampler.ReadingsQueued - queued < Readings || _rig.Node.Queue.Count > 0)
            {
                _rig.StepToNextDue();
            }

            if (_rig.Node.Publisher.PayloadsAcked == acked)
            {
                throw new System.InvalidOperationException("no payload was acknowledged");
            }
        }

        /// <inheritdoc/>
        public override IlTally Select(IlTally tally) => tally.Where(method => !method.Contains("TagoJsonWriter") && !method.Contains("ItemWriter")
            && !method.Contains("JsonText"));
    }
}
