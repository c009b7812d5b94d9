using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace TagoFirmware.Host.TagoTip
{
    /// <summary>Formats a stored TagoTiP data point the way TagoIO's Live Inspector lists incoming data, one line each.</summary>
    public static class TagoTipLiveInspector
    {
        /// <summary>One line for one data point.</summary>
        /// <param name="serial">The device serial.</param>
        /// <param name="point">The stored point.</param>
        /// <returns>The line.</returns>
        public static string Format(string serial, TagoTipDataPoint point)
        {
            var sb = new StringBuilder("[live inspector] ").Append(serial).Append("  variable=").Append(point.Name);
            sb.Append("  value=").Append(point.Type == "string" ? "\"" + point.Value.Replace("\n", "\\n") + "\"" : point.Value);
            if (point.Unit != null)
            {
                sb.Append("  unit=").Append(point.Unit);
            }

            DateTime time = point.Time.HasValue && point.Time.Value <= 253402300799999L
                ? DateTime.UnixEpoch.AddMilliseconds(point.Time.Value)
                : DateTime.UtcNow;
            sb.Append("  time=").Append(time.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            if (!point.Time.HasValue)
            {
                sb.Append(" (server time)");
            }

            if (point.Group != null)
            {
                sb.Append("  group=").Append(point.Group);
            }

            if (point.Location != null)
            {
                sb.Append("  location=").Append(point.Location);
            }

            if (point.Metadata.Count > 0)
            {
                sb.Append("  metadata={").Append(string.Join(",", point.Metadata.Select(p => p.Key + "=" + p.Value))).Append('}');
            }

            return sb.ToString();
        }
    }
}
