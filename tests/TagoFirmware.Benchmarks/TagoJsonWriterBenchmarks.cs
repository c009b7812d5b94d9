using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TagoFirmware.Benchmarks.IlCost;
using TagoFirmware.Payload;

namespace TagoFirmware.Benchmarks
{
    /// <summary>
    /// Writing the reference payloads P2 (one temperature/humidity pair) and P20 (ten pairs a minute apart),
    /// byte-identical in every method (checked in the setup): our writer, validation included; System.Text.Json's
    /// Utf8JsonWriter reused into a reused buffer with the relaxed escaper, twice: tuned (the numbers and times we
    /// format ourselves written raw without validation, the baseline) and default (raw values validated, the time
    /// written as a string); the StringBuilder + ToString("F1") + Encoding.UTF8.GetBytes way of the nanoFramework
    /// samples; and the floor, copying the finished bytes.
    /// </summary>
    [MemoryDiagnoser]
    public class TagoJsonWriterBenchmarks
    {
        private const string TimeFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        private static readonly JsonEncodedText s_variableKey = JsonEncodedText.Encode("variable");
        private static readonly JsonEncodedText s_valueKey = JsonEncodedText.Encode("value");
        private static readonly JsonEncodedText s_unitKey = JsonEncodedText.Encode("unit");
        private static readonly JsonEncodedText s_timeKey = JsonEncodedText.Encode("time");
        private static readonly JsonEncodedText s_groupKey = JsonEncodedText.Encode("group");
        private static readonly JsonEncodedText s_temperature = JsonEncodedText.Encode("temperature");
        private static readonly JsonEncodedText s_humidity = JsonEncodedText.Encode("humidity");
        private static readonly JsonEncodedText s_celsius = JsonEncodedText.Encode("°C", JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        private static readonly JsonEncodedText s_percent = JsonEncodedText.Encode("%", JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

        private int _pairs;
        private TagoJsonWriter _writer;
        private ArrayBufferWriter<byte> _stjBuffer;
        private Utf8JsonWriter _stj;
        private StringBuilder _builder;
        private byte[] _finished;
        private byte[] _floorBuffer;

        /// <summary>Number of items: 2 (P2) or 20 (P20).</summary>
        [Params(2, 20)]
        public int Items { get; set; }

        /// <summary>Prepares the reused buffers and checks all methods write the same bytes.</summary>
        [GlobalSetup]
        public void Setup()
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            _pairs = Items / 2;
            _writer = ReferencePayloads.NewWriter(4096);
            _stjBuffer = new ArrayBufferWriter<byte>(4096);
            _stj = new Utf8JsonWriter(_stjBuffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            _builder = new StringBuilder(4096);
            _floorBuffer = new byte[4096];

            _finished = _writer.Buffer.AsSpan(0, TagoWriter()).ToArray();
            Check("Utf8JsonWriter tuned", Utf8JsonWriterTuned);
            Check("Utf8JsonWriter validating", Utf8JsonWriterValidating);
            Check("StringBuilder", () =>
            {
                byte[] bytes = StringBuilderAndEncoding();
                _stjBuffer.ResetWrittenCount();
                _stjBuffer.Write(bytes);
                return bytes.Length;
            });
        }

        /// <summary>Our writer, validation included; returns the payload length.</summary>
        [Benchmark(Description = "TagoJsonWriter")]
        public int TagoWriter() => ReferencePayloads.Write(_writer, _pairs);

        /// <summary>Utf8JsonWriter, numbers and times we formatted written raw without validation: its fastest honest use.</summary>
        [Benchmark(Baseline = true, Description = "Utf8JsonWriter, tuned (raw, unvalidated)")]
        public int Utf8JsonWriterTuned() => Stj(tuned: true);

        /// <summary>Utf8JsonWriter with its defaults: raw numbers validated, the time written (and checked) as a string.</summary>
        [Benchmark(Description = "Utf8JsonWriter, default (raw validated)")]
        public int Utf8JsonWriterValidating() => Stj(tuned: false);

        /// <summary>The nanoFramework samples' way: StringBuilder, ToString("F1"), Encoding.UTF8.GetBytes.</summary>
        [Benchmark(Description = "StringBuilder + F1 + UTF8.GetBytes")]
        public byte[] StringBuilderAndEncoding() => SamplesWayPayload.Write(_builder, _pairs);

        /// <summary>The floor: copying the finished payload bytes into a reused buffer.</summary>
        [Benchmark(Description = "Floor (copy finished bytes)")]
        public int Floor()
        {
            _finished.AsSpan().CopyTo(_floorBuffer);
            return _finished.Length;
        }

        private int Stj(bool tuned)
        {
            _stjBuffer.ResetWrittenCount();
            Utf8JsonWriter json = _stj;
            json.Reset(_stjBuffer);
            json.WriteStartArray();
            Span<byte> scratch = stackalloc byte[32];
            for (int i = 0; i < _pairs; i++)
            {
                DateTime time = ReferencePayloads.Start.AddMinutes(i);
                string group = ReferencePayloads.Group(i);
                StjItem(json, scratch, tuned, s_temperature, ReferencePayloads.Temperature(i), s_celsius, time, group);
                StjItem(json, scratch, tuned, s_humidity, ReferencePayloads.Humidity(i), s_percent, time, group);
            }

            json.WriteEndArray();
            json.Flush();
            return _stjBuffer.WrittenCount;
        }

        private static void StjItem(Utf8JsonWriter json, Span<byte> scratch, bool tuned, JsonEncodedText variable, double value,
            JsonEncodedText unit, DateTime time, string group)
        {
            json.WriteStartObject();
            json.WriteString(s_variableKey, variable);

            // WriteNumber(double) prints the shortest round-trip form (65.10000000000001); format F1 as TagoIO readings need.
            value.TryFormat(scratch, out int written, "F1", CultureInfo.InvariantCulture);
            json.WritePropertyName(s_valueKey);
            json.WriteRawValue(scratch.Slice(0, written), skipInputValidation: tuned);
            json.WriteString(s_unitKey, unit);
            if (tuned)
            {
                // The quoted time as a raw value: our own bytes need no check or escaping.
                scratch[0] = (byte)'"';
                time.TryFormat(scratch.Slice(1), out written, TimeFormat, CultureInfo.InvariantCulture);
                scratch[written + 1] = (byte)'"';
                json.WritePropertyName(s_timeKey);
                json.WriteRawValue(scratch.Slice(0, written + 2), skipInputValidation: true);
            }
            else
            {
                time.TryFormat(scratch, out written, TimeFormat, CultureInfo.InvariantCulture);
                json.WriteString(s_timeKey, scratch.Slice(0, written));
            }

            json.WriteString(s_groupKey, group);
            json.WriteEndObject();
        }

        private void Check(string name, Func<int> write)
        {
            int length = write();
            if (!_stjBuffer.WrittenSpan.Slice(0, length).SequenceEqual(_finished))
            {
                throw new InvalidOperationException(name + " does not write the same payload:\n" + Encoding.UTF8.GetString(_finished) +
                    "\n" + Encoding.UTF8.GetString(_stjBuffer.WrittenSpan));
            }
        }
    }
}
