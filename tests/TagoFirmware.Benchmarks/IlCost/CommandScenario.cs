using System;
using System.Text;
using TagoFirmware.Commands;
using TagoFirmware.IlCount;

namespace TagoFirmware.Benchmarks.IlCost
{
    /// <summary>Parsing one command as TagoIO sends it: an interval change on the node's command topic.</summary>
    public sealed class CommandScenario : IlScenario
    {
        private const int Runs = 100;
        private const string Topic = "commands/node-1/interval";
        private static readonly byte[] s_payload = Encoding.UTF8.GetBytes("[{\"variable\":\"interval\",\"value\":120}]");
        private CommandParser _parser;

        /// <inheritdoc/>
        public override string Name => "command";

        /// <inheritdoc/>
        public override string Description => "parse one interval command (37-byte payload)";

        /// <inheritdoc/>
        public override int Operations => Runs;

        /// <inheritdoc/>
        public override void Setup()
        {
            _parser = new CommandParser("commands/node-1/+", 12);
            if (_parser.Parse(Topic, s_payload) != CommandError.None)
            {
                throw new InvalidOperationException("the command does not parse");
            }
        }

        /// <inheritdoc/>
        public override void Run()
        {
            for (int i = 0; i < Runs; i++)
            {
                _parser.Parse(Topic, s_payload);
            }
        }
    }
}
