using System;
using System.Diagnostics;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="ILog"/> on the ESP32: one line per call on the debug channel (<c>Debug.WriteLine</c>, shown by Visual
    /// Studio / VS Code while a debugger is attached) and, optionally, on the serial console (<c>Console.WriteLine</c>,
    /// readable with any terminal at 115200 Bd without a debugger). Lines carry the monotonic second and the level.
    /// </summary>
    /// <remarks>
    /// Never adds anything to the message: the core never passes secrets, and this class never dumps objects or
    /// exceptions (an exception message could contain a CONNECT field). Lines below <see cref="MinimumLevel"/> are
    /// dropped before any string is built. Never throws.
    /// </remarks>
    public sealed class Esp32Log : ILog
    {
        private static readonly string[] s_levelNames = new string[] { "DBG ", "INF ", "WRN ", "ERR " };

        private readonly object _sync = new object();
        private readonly bool _console;

        /// <summary>Creates the log.</summary>
        /// <param name="minimumLevel">Lines below this level are dropped (Info in the field, Debug on the bench).</param>
        /// <param name="alsoConsole">True to also write to the serial console.</param>
        public Esp32Log(LogLevel minimumLevel, bool alsoConsole)
        {
            MinimumLevel = minimumLevel;
            _console = alsoConsole;
        }

        /// <summary>Lines below this level are not written.</summary>
        public LogLevel MinimumLevel { get; set; }

        /// <inheritdoc />
        public void Write(LogLevel level, string message)
        {
            if (level < MinimumLevel || message == null)
            {
                return;
            }

            try
            {
                int index = (int)level;
                string name = index >= 0 && index < s_levelNames.Length ? s_levelNames[index] : "??? ";
                string line = (Environment.TickCount64 / 1000).ToString() + "s " + name + message;

                // The worker thread and the watchdog log too; keep their lines whole.
                lock (_sync)
                {
                    Debug.WriteLine(line);
                    if (_console)
                    {
                        Console.WriteLine(line);
                    }
                }
            }
            catch (Exception)
            {
                // Logging must never take the node down.
            }
        }
    }
}
