using System;
using System.Text;
using TagoFirmware.IlCount;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Benchmarks.IlCost
{
    /// <summary>
    /// Writing the reference readings (P2 or P20: the JSON goldens' items) as one TagoTiP frame, 100 times, as the node
    /// does: sequence number, the first pair's time and group at frame level, names and units prepared once as tokens
    /// (°C written C), values from scaled integers as the reading queue keeps them, each pair's time and the group of that time.
    /// </summary>
    public abstract class TagoTipFrameScenario : IlScenario
    {
        private const int Runs = 100;
        private const long StartUnixMs = 1795617000000L;
        private static readonly TagoTipToken s_temperature = TagoTipToken.Name(Encoding.UTF8.GetBytes("temperature"));
        private static readonly TagoTipToken s_humidity = TagoTipToken.Name(Encoding.UTF8.GetBytes("humidity"));
        private static readonly TagoTipToken s_celsius = TagoTipToken.Unit(Encoding.UTF8.GetBytes("°C"));
        private static readonly TagoTipToken s_percent = TagoTipToken.Unit(Encoding.UTF8.GetBytes("%"));
        private static readonly byte[] s_frameGroup = ReferencePayloads.GroupIds[0];
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
            _writer = new TagoTipWriter(new byte[4096]);
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
            writer.Begin(sequence, StartUnixMs, s_frameGroup);
            for (int i = 0; i < _pairs; i++)
            {
                long time = StartUnixMs + (i * 60000L);
                writer.BeginVariable(s_temperature);
                writer.NumberScaled(235 + i, 1);

                writer.Unit(s_celsius);
                writer.Time(time);
                writer.GroupOfTime(time);
                writer.EndVariable();
                writer.BeginVariable(s_humidity);
                writer.NumberScaled(652 - i, 1);

                writer.Unit(s_percent);
                writer.Time(time);
                writer.GroupOfTime(time);
                writer.EndVariable();
            }

            return writer.Finish();
        }
    }
}
