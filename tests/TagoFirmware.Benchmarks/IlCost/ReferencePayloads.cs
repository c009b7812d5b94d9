using System;
using TagoFirmware.Payload;
using TagoFirmware.Readings;

namespace TagoFirmware.Benchmarks.IlCost
{
    /// <summary>
    /// The reference payloads: P2 (one temperature/humidity pair, 212 bytes) and P20 (ten pairs a minute apart,
    /// 2,111 bytes), written with our writer the way the node writes a reading (a variable table prepared once, a value
    /// with its decimals, a Unix-ms time and the group id of that time).
    /// </summary>
    public static class ReferencePayloads
    {
        /// <summary>The time of the first pair, 2026-11-25T14:30:00.000Z.</summary>
        public static readonly DateTime Start = new DateTime(2026, 11, 25, 14, 30, 0, DateTimeKind.Utc);

        private const long StartUnixMs = 1795617000000L;
        private static readonly byte[][] s_groups = Groups(10);

        /// <summary>Temperature of pair <paramref name="i"/>.</summary>
        public static double Temperature(int i) => 23.5 + (0.1 * i);

        /// <summary>Humidity of pair <paramref name="i"/>.</summary>
        public static double Humidity(int i) => 65.2 - (0.1 * i);

        /// <summary>Group ids of the pairs (<see cref="ReadingGroupId"/> of their times), as ASCII bytes.</summary>
        public static byte[][] GroupIds => s_groups;

        /// <summary>Group id of pair <paramref name="i"/>.</summary>
        public static string Group(int i) => System.Text.Encoding.ASCII.GetString(s_groups[i]);

        /// <summary>A writer over <paramref name="bytes"/> with the node's variable table (names and units checked and escaped once).</summary>
        public static TagoJsonWriter NewWriter(int bytes) => new TagoJsonWriter(new byte[bytes],
            new[] { TagoUtf8.GetBytes("temperature"), TagoUtf8.GetBytes("humidity") }, new[] { TagoUtf8.GetBytes("°C"), TagoUtf8.GetBytes("%") });

        /// <summary>Writes <paramref name="pairs"/> pairs with <paramref name="writer"/>; returns the payload length.</summary>
        public static int Write(TagoJsonWriter writer, int pairs)
        {
            writer.Reset();
            for (int i = 0; i < pairs; i++)
            {
                long time = StartUnixMs + (i * 60000L);
                writer.Reading(0, 235L + i, 1, time);
                writer.Reading(1, 652L - i, 1, time);
            }

            return writer.Close();
        }

        private static byte[][] Groups(int pairs)
        {
            byte[][] groups = new byte[pairs][];
            for (int i = 0; i < pairs; i++)
            {
                groups[i] = new byte[ReadingGroupId.Length];
                ReadingGroupId.Write(StartUnixMs + (i * 60000L), groups[i], 0);
            }

            return groups;
        }
    }
}
