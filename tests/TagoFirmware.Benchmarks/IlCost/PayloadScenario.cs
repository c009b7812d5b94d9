using System;
using System.Globalization;
using System.Text;
using TagoFirmware.IlCount;
using TagoFirmware.Payload;

namespace TagoFirmware.Benchmarks.IlCost
{
    /// <summary>Writing a reference payload 100 times, with our writer or the samples' way (checked byte-identical first).</summary>
    public abstract class PayloadScenario : IlScenario
    {
        private const int Runs = 100;
        private readonly int _pairs;
        private readonly bool _samplesWay;
        private TagoJsonWriter _writer;
        private StringBuilder _builder;

        /// <summary>A scenario of <paramref name="pairs"/> pairs, the samples' way when <paramref name="samplesWay"/>.</summary>
        protected PayloadScenario(int pairs, bool samplesWay)
        {
            _pairs = pairs;
            _samplesWay = samplesWay;
        }

        /// <inheritdoc/>
        public override string Description => (_samplesWay ? "StringBuilder + ToString(\"F1\") + UTF8.GetBytes, " : "TagoJsonWriter, ") +
            "one payload of " + (_pairs * 2) + " items";

        /// <inheritdoc/>
        public override int Operations => Runs;

        /// <inheritdoc/>
        public override bool LowerBound => _samplesWay;

        /// <inheritdoc/>
        public override void Setup()
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            _writer = ReferencePayloads.NewWriter(4096);
            _builder = new StringBuilder(4096);
            int length = ReferencePayloads.Write(_writer, _pairs);
            byte[] ours = _writer.Buffer.AsSpan(0, length).ToArray();
            byte[] samples = SamplesWayPayload.Write(_builder, _pairs);
            if (!ours.AsSpan().SequenceEqual(samples))
            {
                throw new InvalidOperationException("The two ways write different payloads:\n" + Encoding.UTF8.GetString(ours) + "\n" +
                    Encoding.UTF8.GetString(samples));
            }
        }

        /// <inheritdoc/>
        public override void Run()
        {
            for (int i = 0; i < Runs; i++)
            {
                if (_samplesWay)
                {
                    SamplesWayPayload.Write(_builder, _pairs);
                }
                else
                {
                    ReferencePayloads.Write(_writer, _pairs);
                }
            }
        }
    }
}
