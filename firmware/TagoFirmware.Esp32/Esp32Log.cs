using System;
using System.Diagnostics;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="ILog"/> on the ESP32: <c>Debug.WriteLine</c> (seen with a debugger attached) and optionally the serial
    /// console (115200 Bd), with the uptime second and the level. Adds nothing to the message (an exception text could
    /// hold a CONNECT field) and never throws.
    /// </summary>
    public sealed class Esp32Log : ILog
    {
        private static readonly string[] s_levelNames = new string[] { "DBG ", "INF ", "WRN ", "ERR " };

        private readonly object _sync = new object();
        private readonly bool _console;

        /// <summary>Creates the log.</summary>
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
