using System;
using System.Text;
using TagoFirmware.Payload;

namespace TagoFirmware.Benchmarks.IlCost
{
    /// <summary>
    /// The reference payloads: P2 (one temperature/humidity pair, 242 bytes) and P20 (ten pairs a minute apart,
    /// 2,411 bytes), written with our writer the way the node writes a reading (pre-encoded names and units, a value
    /// with its decimals, a Unix-ms time) plus a sensor_id metadata field.
    /// </summary>
    public static class ReferencePayloads
    {
        /// <summary>The time of the first pair, 2026-11-25T14:30:00.000Z.</summary>
        public static readonly DateTime Start = new DateTime(2026, 11, 25, 14, 30, 0, DateTimeKind.Utc);

        private const long StartUnixMs = 1795617000000L;
        private static readonly byte[] s_temperature = Encoding.UTF8.GetBytes("temperature");
        private static readonly byte[] s_humidity = Encoding.UTF8.GetBytes("humidity");
        private static readonly byte[] s_celsius = Encoding.UTF8.GetBytes("°C");
        private static readonly byte[] s_percent = Encoding.UTF8.GetBytes("%");
        private static readonly byte[] s_sensorIdKey = Encoding.UTF8.GetBytes("sensor_id");
        private static readonly byte[] s_sensorId = Encoding.UTF8.GetBytes("dht22_01");

        /// <summary>Temperature of pair <paramref name="i"/>.</summary>
        public static double Temperature(int i) => 23.5 + (0.1 * i);

        /// <summary>Humidity of pair <paramref name="i"/>.</summary>
        public static double Humidity(int i) => 65.2 - (0.1 * i);

        /// <summary>Writes <paramref name="pairs"/> pairs with <paramref name="writer"/>; returns the payload length.</summary>
        public static int Write(TagoJsonWriter writer, int pairs)
        {
            writer.Reset();
            for (int i = 0; i < pairs; i++)
            {
                long time = StartUnixMs + (i * 60000L);
                writer.BeginItem(s_temperature);
                writer.Value(Temperature(i), 1);
                writer.Unit(s_celsius);
                writer.TimeUnixMs(time);
                writer.Metadata(s_sensorIdKey, s_sensorId);
                writer.EndItem();
                writer.BeginItem(s_humidity);
                writer.Value(Humidity(i), 1);
                writer.Unit(s_percent);
                writer.TimeUnixMs(time);
                writer.Metadata(s_sensorIdKey, s_sensorId);
                writer.EndItem();
            }

            return writer.Close();
        }
    }
}
