using System.Linq;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Adapters
{
    /// <summary><see cref="IStatusIndicator"/> on the host: prints each change of the LED's <see cref="StatusPatterns"/> pattern (# on, . off).</summary>
    public sealed class ConsoleStatusIndicator : IStatusIndicator
    {
        // Indexed by NodeStatus, as README's LED table quotes them (not on the device: its string heap is scarce).
        private static readonly string[] s_meanings =
        {
            "booting, config not read yet",
            "no WiFi",
            "no clock: waiting for SNTP",
            "no broker: connecting or backing off",
            "credentials refused: check the token",
            "online",
            "config invalid: fix the file",
        };

        private readonly ILog _log;

        /// <summary>Creates the indicator.</summary>
        public ConsoleStatusIndicator(ILog log) => _log = log;

        /// <summary>Prints the pattern, e.g. <c>LED: NoWifi (no WiFi) ##########..........</c>; the core calls it on a change only.</summary>
        public void Show(NodeStatus status) => _log.Write(LogLevel.Info, "LED: " + status + " (" + s_meanings[(int)status] + ") "
            + string.Concat(Enumerable.Range(0, StatusPatterns.Slots).Select(i => ((StatusPatterns.Mask(status) >> i) & 1) == 1 ? '#' : '.')));
    }
}
