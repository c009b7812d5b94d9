using System;
using System.Text;
using TagoFirmware.IlCount;

namespace TagoFirmware.Benchmarks.IlCost
{
    /// <summary>
    /// The reference payloads written the way the nanoFramework samples build JSON: a reused StringBuilder,
    /// <c>ToString("F1")</c> for values, <c>DateTime.ToString</c> with a format for times, and
    /// <c>Encoding.UTF8.GetBytes</c> at the end. Counted like core code; the BCL calls count one each.
    /// </summary>
    [IlCounted]
    public static class SamplesWayPayload
    {
        /// <summary>Writes <paramref name="pairs"/> pairs into <paramref name="builder"/> and returns the UTF-8 bytes.</summary>
        public static byte[] Write(StringBuilder builder, int pairs)
        {
            builder.Clear();
            builder.Append('[');
            for (int i = 0; i < pairs; i++)
            {
                string time = ReferencePayloads.Start.AddMinutes(i).ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
                if (i > 0)
                {
                    builder.Append(',');
                }

                builder.Append("{\"variable\":\"temperature\",\"value\":").Append(ReferencePayloads.Temperature(i).ToString("F1"))
                    .Append(",\"unit\":\"°C\",\"time\":\"").Append(time).Append("\",\"group\":\"").Append(ReferencePayloads.Group(i)).Append("\"},");
                builder.Append("{\"variable\":\"humidity\",\"value\":").Append(ReferencePayloads.Humidity(i).ToString("F1"))
                    .Append(",\"unit\":\"%\",\"time\":\"").Append(time).Append("\",\"group\":\"").Append(ReferencePayloads.Group(i)).Append("\"}");
            }

            builder.Append(']');
            return Encoding.UTF8.GetBytes(builder.ToString());
        }
    }
}
