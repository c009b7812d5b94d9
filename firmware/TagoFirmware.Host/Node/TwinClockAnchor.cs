using System;
using System.Globalization;
using System.IO;

namespace TagoFirmware.Host.Node
{
    /// <summary>
    /// Keeps a time-scaled twin's simulated wall clock continuous across processes that share a data directory. A real
    /// node that reboots gets the true time from SNTP again; a twin running x K would otherwise restart its simulated
    /// time at the real "now" and stamp new readings earlier than the ones it took before the restart. The anchor
    /// file <c>clock.anchor</c> holds (real time, simulated time, scale) of the first run; later runs with the same scale
    /// continue from it (the time the twin was not running passes K times faster too, like a powered-off board's
    /// real time), a different scale re-anchors at the current simulated time.
    /// </summary>
    public static class TwinClockAnchor
    {
        /// <summary>Anchor file name inside the data directory.</summary>
        public const string FileName = "clock.anchor";

        /// <summary>Reads or creates the anchor.</summary>
        /// <param name="directory">Data directory; null (no persistence) anchors at now.</param>
        /// <param name="scale">Time scale of this run.</param>
        /// <param name="realAnchor">Real UTC anchor.</param>
        /// <param name="simulatedAnchor">Simulated UTC time at <paramref name="realAnchor"/>.</param>
        public static void Load(string directory, double scale, out DateTime realAnchor, out DateTime simulatedAnchor)
        {
            DateTime now = DateTime.UtcNow;
            realAnchor = now;
            simulatedAnchor = now;
            if (directory == null || scale == 1.0)
            {
                return;
            }

            string path = Path.Combine(directory, FileName);
            try
            {
                if (File.Exists(path))
                {
                    string[] parts = File.ReadAllText(path).Trim().Split(' ');
                    if (parts.Length == 3
                        && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long real)
                        && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out long simulated)
                        && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double oldScale)
                        && real > 0 && simulated > 0 && real <= now.Ticks)
                    {
                        var oldReal = new DateTime(real, DateTimeKind.Utc);
                        var oldSimulated = new DateTime(simulated, DateTimeKind.Utc);
                        if (oldScale == scale)
                        {
                            realAnchor = oldReal;
                            simulatedAnchor = oldSimulated;
                            return;
                        }

                        // Another scale: continue from the simulated "now" of the old anchor.
                        simulatedAnchor = oldSimulated + TimeSpan.FromTicks((long)((now - oldReal).Ticks * oldScale));
                    }
                }

                Directory.CreateDirectory(directory);
                File.WriteAllText(path, realAnchor.Ticks.ToString(CultureInfo.InvariantCulture) + " " + simulatedAnchor.Ticks.ToString(CultureInfo.InvariantCulture) + " " + scale.ToString("R", CultureInfo.InvariantCulture) + "\n");
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // No anchor: this run's simulated time starts at the real now.
            }
        }
    }
}
