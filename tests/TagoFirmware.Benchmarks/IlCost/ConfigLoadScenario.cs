using System;
using System.IO;
using System.Text;
using TagoFirmware.Boot;
using TagoFirmware.Config;
using TagoFirmware.IlCount;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Benchmarks.IlCost
{
    /// <summary>
    /// Loading the example config as the node boots: its bytes (in memory) through <see cref="ConfigBoot.Load"/> (one
    /// parse, validation, the warnings logged) to a valid config, plus the <c>config:</c> summary lines the node logs.
    /// The example's placeholder secrets are replaced (same lengths) so that it validates.
    /// </summary>
    public sealed class ConfigLoadScenario : IlScenario
    {
        private const string Path = "I:\\tagofirmware.json";
        private MemoryFiles _files;
        private StubLog _log;

        /// <inheritdoc/>
        public override string Name => "config";

        /// <inheritdoc/>
        public override string Description => "load the example config (bytes to a validated config, logging included)";

        /// <inheritdoc/>
        public override void Setup()
        {
            string dir = AppContext.BaseDirectory;
            while (!File.Exists(System.IO.Path.Combine(dir, "DEVELOPERS.md")))
            {
                dir = System.IO.Path.GetDirectoryName(dir);
            }

            string text = File.ReadAllText(System.IO.Path.Combine(dir, "firmware", "TagoFirmware.Host", "tagofirmware.legacy.example.json"))
                .Replace("00000000-0000-0000-0000-000000000000", "a1b2c3d4-0000-1111-2222-333344445555")
                .Replace("example-network", "garden-network1")
                .Replace("example-password-not-real", "correct-horse-battery-sta");
            _files = new MemoryFiles(Encoding.UTF8.GetBytes(text));
            _log = new StubLog();
            ConfigResult check = Load();
            if (!check.IsValid)
            {
                throw new InvalidOperationException("the example does not validate: " + string.Join("; ", check.Lines()));
            }
        }

        /// <inheritdoc/>
        public override void Run()
        {
            Load();
        }

        private ConfigResult Load()
        {
            ConfigResult result = new ConfigBoot(_files, Path, null, true, "tago-a4cf12e3b1c0", _log).Load();
            string[] lines = result.Config.Summary("tago-a4cf12e3b1c0");
            for (int i = 0; i < lines.Length; i++)
            {
                _log.Write(LogLevel.Info, lines[i]);
            }

            return result;
        }

        /// <summary>The config file in memory.</summary>
        private sealed class MemoryFiles : IFileReader
        {
            private readonly byte[] _bytes;

            public MemoryFiles(byte[] bytes) => _bytes = bytes;

            public byte[] Read(string path, int maxBytes) => _bytes;
        }

        /// <summary>A log that drops every line.</summary>
        private sealed class StubLog : ILog
        {
            public void Write(LogLevel level, string message)
            {
            }
        }
    }
}
