using System;
using System.Diagnostics;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary><see cref="ILog"/> on the ESP32: uptime second and level, to <c>Debug.WriteLine</c> and the serial console
    /// (115200 Bd); adds nothing to the message and never throws.</summary>
    public sealed class Esp32Log : ILog
    {
        private static readonly string[] s_levelNames = new string[] { "DBG ", "INF ", "WRN ", "ERR " };

        private readonly object _sync = new object();
        private readonly LogLevel _minimum;

        /// <summary>Creates the log: lines below <paramref name="minimumLevel"/> are dropped (Info in the field, Debug on the bench).</summary>
        public Esp32Log(LogLevel minimumLevel) => _minimum = minimumLevel;

        /// <inheritdoc />
        public void Write(LogLevel level, string message)
        {
            if (level < _minimum || message == null)
            {
                return;
            }

            try
            {
                string line = (Environment.TickCount64 / 1000).ToString() + "s " + s_levelNames[(int)level & 3] + message;
                lock (_sync)
                {
                    Debug.WriteLine(line);
                    Console.WriteLine(line);
                }
            }
            catch (Exception)
            {
                // Logging must never take the node down.
            }
        }
    }
}
