using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace TagoFirmware.Host.Node
{
    /// <summary>
    /// Host-side TagoIO JSON encoder used by the twin until the core's writer is wired in: an array of
    /// <c>{"variable","value","unit","time","group"}</c> objects, two per sample (temperature, humidity) sharing the
    /// sample's group so TagoIO shows them as one row (tagoio-facts [TG13]).
    /// </summary>
    public static class TagoJsonPayload
    {
        /// <summary>Status payload for the will and the "online" message (issue 3 §2).</summary>
        /// <param name="value">"online" or "offline".</param>
        /// <returns>UTF-8 JSON.</returns>
        public static byte[] Status(string value)
        {
            return System.Text.Encoding.UTF8.GetBytes("[{\"variable\":\"device_status\",\"value\":\"" + value + "\"}]");
        }

        /// <summary>Encodes samples.</summary>
        /// <param name="timesUtc">Sample times.</param>
        /// <param name="celsius">Temperatures.</param>
        /// <param name="percent">Relative humidities.</param>
        /// <param name="start">First sample index.</param>
        /// <param name="count">Number of samples.</param>
        /// <returns>UTF-8 JSON.</returns>
        public static byte[] Readings(DateTime[] timesUtc, double[] celsius, double[] percent, int start, int count)
        {
            var buffer = new ArrayBufferWriter<byte>(160 * count);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartArray();
                for (int i = start; i < start + count; i++)
                {
                    string time = timesUtc[i].ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
                    string group = ((timesUtc[i].Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture);
                    WriteReading(writer, "temperature", celsius[i], "°C", time, group);
                    WriteReading(writer, "humidity", percent[i], "%", time, group);
                }

                writer.WriteEndArray();
            }

            return buffer.WrittenSpan.ToArray();
        }

        private static void WriteReading(Utf8JsonWriter writer, string variable, double value, string unit, string time, string group)
        {
            writer.WriteStartObject();
            writer.WriteString("variable", variable);
            // One decimal, invariant, never exponent/NaN (tagoio-facts §0.6).
            writer.WriteNumber("value", Math.Round(value, 1));
            writer.WriteString("unit", unit);
            writer.WriteString("time", time);
            writer.WriteString("group", group);
            writer.WriteEndObject();
        }
    }
}
