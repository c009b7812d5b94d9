using TagoFirmware.IlCount;

namespace TagoFirmware.Benchmarks.IlCost
{
    /// <summary>One step of an online node with nothing due (a wake-up by an unrelated signal).</summary>
    public sealed class IdleStepScenario : IlScenario
    {
        private const int Steps = 1000;
        private NodeScenarioRig _rig;

        /// <inheritdoc/>
        public override string Name => "idle-step";

        /// <inheritdoc/>
        public override string Description => "one step of an online node with nothing due";

        /// <inheritdoc/>
        public override int Operations => Steps;

        /// <inheritdoc/>
        public override void Setup()
        {
            _rig = new NodeScenarioRig();
            for (int i = 0; i < 200; i++)
            {
                _rig.StepToNextDue();
            }

            // Everything delivered and nothing due now: the step a stray wake-up would cost.
            while (_rig.Node.Queue.Count > 0 || _rig.Node.NextStepDueMs <= _rig.MonotonicMs)
            {
                _rig.StepToNextDue();
            }
        }

        /// <inheritdoc/>
        public override void Run()
        {
            long now = _rig.MonotonicMs;
            for (int i = 0; i < Steps; i++)
            {
                _rig.Node.Step(now);
            }
        }
    }
}
