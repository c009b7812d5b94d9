using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TagoFirmware.Payload;

namespace TagoFirmware.Benchmarks
{
    /// <summary>
    /// Writing the reference payloads P2 (one temperature/humidity pair) and P20 (ten pairs a minute apart) of
    /// issue 2, byte-identical in every method (checked in the setup):
    /// our writer, validation included; System.Text.Json's Utf8JsonWriter reused into a reused buffer with the relaxed
    /// escaper (the baseline); the StringBuilder + ToString("F1") + Encoding.UTF8.GetBytes way of the nanoFramework
    /// samples; and the floor, copying the finished bytes.
    /// </summary>
    [MemoryDiagnoser]
    public class TagoJsonWriterBenchmarks
    {
        private static readonly DateTime s_start = new DateTime(2026, 11, 25, 14, 30, 0, DateTimeKind.Utc);
        private const long StartUnixMs = 1795617000000L;

        // Pre-encoded once, as the node does when its configuration is loaded.
        private static readonly byte[] s_temperature = Encoding.UTF8.GetBytes("temperature");
        private static readonly byte[] s_humidity = Encoding.UTF8.GetBytes("humidity");
        private static readonly byte[] s_celsius = Encoding.UTF8.GetBytes("°C");
        private static readonly byte[] s_percent = Encoding.UTF8.GetBytes("%");
        private static readonly byte[] s_sensorIdKey = Encoding.UTF8.GetBytes("sensor_id");
        private static readonly byte[] s_sensorId = Encoding.UTF8.GetBytes("dht22_01");

        private static readonly JsonEncodedText s_variableKey = JsonEncodedText.Encode("variable");
        private static readonly JsonEncodedText s_valueKey = JsonEncodedText.Encode("value");
        private static readonly JsonEncodedText s_unitKey = JsonEncodedText.Encode("unit");
        private static readonly JsonEncodedText s_timeKey = JsonEncodedText.Encode("time");
        private static readonly JsonEncodedText s_metadataKey = JsonEncodedText.Encode("metadata");
        private static readonly JsonEncodedText s_sensorIdKeyText = JsonEncodedText.Encode("sensor_id");
        private static readonly JsonEncodedText s_sensorIdText = JsonEncodedText.Encode("dht22_01");
        private static readonly JsonEncodedText s_temperatureText = JsonEncodedText.Encode("temperature");
        private static readonly JsonEncodedText s_humidityText = JsonEncodedText.Encode("humidity");
        private static readonly JsonEncodedText s_celsiusText = JsonEncodedText.Encode("°C", JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        private static readonly JsonEncodedText s_percentText = JsonEncodedText.Encode("%", JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

        private double[] _temperatures;
        private double[] _humidities;
        private TagoJsonWriter _writer;
        private ArrayBufferWriter<byte> _stjBuffer;
        private Utf8JsonWriter _stj;
        private StringBuilder _builder;
        private byte[] _finished;
        private byte[] _floorBuffer;

        /// <summary>Number of items: 2 (P2) or 20 (P20).</summary>
        [Params(2, 20)]
        public int Items { get; set; }

        /// <summary>Prepares the readings and the reused buffers, and checks all methods write the same bytes.</summary>
        [GlobalSetup]
        public void Setup()
        {
            int pairs = Items / 2;
            _temperatures = new double[pairs];
            _humidities = new double[pairs];
            for (int i = 0; i < pairs; i++)
            {
                _temperatures[i] = 23.5 + (0.1 * i);
                _humidities[i] = 65.2 - (0.1 * i);
            }

            _writer = new TagoJsonWriter(new byte[4096]);
            _stjBuffer = new ArrayBufferWriter<byte>(4096);
            _stj = new Utf8JsonWriter(_stjBuffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            _builder = new StringBuilder(4096);
            _floorBuffer = new byte[4096];

            int length = TagoWriter();
            _finished = _writer.Buffer.AsSpan(0, length).ToArray();
            Utf8JsonWriterReused();
            byte[] viaStj = _stjBuffer.WrittenSpan.ToArray();
            byte[] viaBuilder = StringBuilderAndEncoding();
            if (!viaStj.AsSpan().SequenceEqual(_finished) || !viaBuilder.AsSpan().SequenceEqual(_finished))
            {
                throw new InvalidOperationException("The methods do not write the same payload:\n" +
                    Encoding.UTF8.GetString(_finished) + "\n" + Encoding.UTF8.GetString(viaStj) + "\n" + Encoding.UTF8.GetString(viaBuilder));
            }
        }

        /// <summary>Our writer, validation included; returns the payload length.</summary>
        [Benchmark(Description = "TagoJsonWriter")]
        public int TagoWriter()
        {
            TagoJsonWriter writer = _writer;
            writer.Reset();
            for (int i = 0; i < _temperatures.Length; i++)
            {
                long time = StartUnixMs + (i * 60000L);
                writer.BeginItem(s_temperature);
                writer.Value(_temperatures[i], 1);
                writer.Unit(s_celsius);
                writer.TimeUnixMs(time);
                writer.Metadata(s_sensorIdKey, s_sensorId);
                writer.EndItem();
                writer.BeginItem(s_humidity);
                writer.Value(_humidities[i], 1);
                writer.Unit(s_percent);
                writer.TimeUnixMs(time);
                writer.Metadata(s_sensorIdKey, s_sensorId);
                writer.EndItem();
            }

            return writer.Close();
        }

        /// <summary>System.Text.Json's Utf8JsonWriter, reused, relaxed escaping, pre-encoded names.</summary>
        [Benchmark(Baseline = true, Description = "Utf8JsonWriter (reused)")]
        public int Utf8JsonWriterReused()
        {
            _stjBuffer.ResetWrittenCount();
            Utf8JsonWriter json = _stj;
            json.Reset(_stjBuffer);
            json.WriteStartArray();
            Span<byte> scratch = stackalloc byte[32];
            for (int i = 0; i < _temperatures.Length; i++)
            {
                DateTime time = s_start.AddMinutes(i);
                StjItem(json, scratch, s_temperatureText, _temperatures[i], s_celsiusText, time);
                StjItem(json, scratch, s_humidityText, _humidities[i], s_percentText, time);
            }

            json.WriteEndArray();
            json.Flush();
            return _stjBuffer.WrittenCount;
        }

        /// <summary>The nanoFramework samples' way: StringBuilder, ToString("F1"), Encoding.UTF8.GetBytes.</summary>
        [Benchmark(Description = "StringBuilder + F1 + UTF8.GetBytes")]
        public byte[] StringBuilderAndEncoding()
        {
            StringBuilder builder = _builder;
            builder.Clear();
            builder.Append('[');
            for (int i = 0; i < _temperatures.Length; i++)
            {
                string time = s_start.AddMinutes(i).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
                if (i > 0)
                {
                    builder.Append(',');
                }

                builder.Append("{\"variable\":\"temperature\",\"value\":").Append(_temperatures[i].ToString("F1", CultureInfo.InvariantCulture))
                    .Append(",\"unit\":\"°C\",\"time\":\"").Append(time).Append("\",\"metadata\":{\"sensor_id\":\"dht22_01\"}},");
                builder.Append("{\"variable\":\"humidity\",\"value\":").Append(_humidities[i].ToString("F1", CultureInfo.InvariantCulture))
                    .Append(",\"unit\":\"%\",\"time\":\"").Append(time).Append("\",\"metadata\":{\"sensor_id\":\"dht22_01\"}}");
            }

            builder.Append(']');
            return Encoding.UTF8.GetBytes(builder.ToString());
        }

        /// <summary>The floor: copying the finished payload bytes into a reused buffer.</summary>
        [Benchmark(Description = "Floor (copy finished bytes)")]
        public int Floor()
        {
            _finished.AsSpan().CopyTo(_floorBuffer);
            return _finished.Length;
        }

        private static void StjItem(Utf8JsonWriter json, Span<byte> scratch, JsonEncodedText variable, double value, JsonEncodedText unit, DateTime time)
        {
            json.WriteStartObject();
            json.WriteString(s_variableKey, variable);

            // WriteNumber(double) prints the shortest round-trip form (65.10000000000001); format F1 as TagoIO readings need.
            value.TryFormat(scratch, out int written, "F1", CultureInfo.InvariantCulture);
            json.WritePropertyName(s_valueKey);
            json.WriteRawValue(scratch.Slice(0, written), skipInputValidation: true);
            json.WriteString(s_unitKey, unit);
            time.TryFormat(scratch, out written, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            json.WriteString(s_timeKey, scratch.Slice(0, written));
            json.WriteStartObject(s_metadataKey);
            json.WriteString(s_sensorIdKeyText, s_sensorIdText);
            json.WriteEndObject();
            json.WriteEndObject();
        }
    }
}
