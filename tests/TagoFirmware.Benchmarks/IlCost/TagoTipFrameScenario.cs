using System;
using System.Text;
using TagoFirmware.IlCount;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Benchmarks.IlCost
{
    /// <summary>
    /// Writing the reference readings (P2 or P20: the JSON goldens' items) as one TagoTiP frame, 100 times, as the node
    /// does with the queue's values: sequence number, the first pair's time and group at frame level, names and units
    /// prepared once (°C written C), each pair's time and the group of that time.
    /// </summary>
    public abstract class TagoTipFrameScenario : IlScenario
    {
        private const int Runs = 100;
        private const long StartUnixMs = 1795617000000L;
        private readonly int _pairs;
        private TagoTipWriter _writer;

        /// <summary>A scenario of <paramref name="pairs"/> pairs.</summary>
        protected TagoTipFrameScenario(int pairs)
        {
            _pairs = pairs;
        }

        /// <inheritdoc/>
        public override string Description => "TagoTipWriter, one frame of " + (_pairs * 2) + " variables";

        /// <inheritdoc/>
        public override int Operations => Runs;

        /// <inheritdoc/>
        public override void Setup()
        {
            byte[][] names = { Encoding.UTF8.GetBytes("temperature"), Encoding.UTF8.GetBytes("humidity") };
            byte[][] units = { Encoding.UTF8.GetBytes("°C"), Encoding.UTF8.GetBytes("%") };
            _writer = new TagoTipWriter(new byte[4096], names, units);
            int length = Write(1);
            string frame = Encoding.ASCII.GetString(_writer.Buffer, 0, length);
            if (!frame.StartsWith("!1|@1795617000000^00mww800g0[temperature:=23.5#C;humidity:=65.2#%", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("unexpected frame: " + frame);
            }
        }

        /// <inheritdoc/>
        public override void Run()
        {
            for (int i = 0; i < Runs; i++)
            {
                Write(i + 1);
            }
        }

        private int Write(long sequence)
        {
            TagoTipWriter writer = _writer;
            writer.Begin(sequence, StartUnixMs);
            for (int i = 0; i < _pairs; i++)
            {
                long time = StartUnixMs + (i * 60000L);
                writer.Reading(0, 235 + i, 1, time);
                writer.Reading(1, 652 - i, 1, time);
            }

            return writer.Close();
        }
    }
}
