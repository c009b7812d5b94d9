namespace TagoFirmware.Gates.Tests.Metadata
{
    /// <summary>
    /// The positive fixture: C# 9 constructs the core may use on nanoFramework 1.x, including the ones whose
    /// compiler-generated code looks suspicious to a naive scanner (static array initializers go through
    /// <c>&lt;PrivateImplementationDetails&gt;</c> and its <c>__StaticArrayInitTypeSize=N</c> value-type fields; lambdas
    /// produce display classes; string switches produce a hash helper; field-like events produce add/remove bodies).
    /// </summary>
    public static class AllowedSource
    {
        /// <summary>The fixture source.</summary>
        public const string Text = @"
using System;
using System.Collections;
using System.Threading;

namespace Fixture
{
    public enum Mode { Off, On, Auto }

    public struct Reading
    {
        public int Value;
        public long Ticks;
        public Mode Mode;
        public DateTime Time;
    }

    public readonly struct Range
    {
        public readonly int Low;
        public readonly int High;
        public Range(int low, int high) { Low = low; High = high; }
    }

    public delegate void ReadingHandler(object sender, int value);

    public interface ISink
    {
        int Put(byte[] data, int count);
    }

    public sealed class Holder : ISink, IDisposable
    {
        private const int Size = 8;
        private static readonly byte[] s_table = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24 };
        private static readonly int[] s_ints = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
        private static readonly long[] s_longs = { 1L, 2L, 3L, 4L, 5L };
        private static readonly double[] s_doubles = { 1.5, 2.5, 3.5, 4.5 };
        private static readonly char[] s_chars = { 'a', 'b', 'c', 'd', 'e', 'f' };
        private static readonly bool[] s_bools = { true, false, true, true };
        private static readonly ushort[] s_shorts = { 1, 2, 3, 4, 5, 6, 7, 8 };
        private static readonly string[] s_names = { ""one"", ""two"" };
        private readonly object[] _boxes = new object[4];
        private readonly int[][] _jagged = new int[3][];
        private readonly byte[] _buffer = new byte[Size];
        private readonly ArrayList _list = new ArrayList();
        private readonly object _lock = new object();
        private Reading _reading;
        private Range _range = new Range(1, 2);
        private Mode _mode = Mode.Auto;
        private TimeSpan _span = TimeSpan.FromSeconds(3);

        static Holder() { }

        public event EventHandler Changed;
        public event ReadingHandler Read;

        public Action Callback;

        public int Count { get; private set; }

        public Reading Last => _reading;

        public int Put(byte[] data, int count)
        {
            int total = 0;
            Action add = () => total += count;
            add();
            Callback?.Invoke();
            Read?.Invoke(this, total);
            Changed?.Invoke(this, EventArgs.Empty);
            lock (_lock)
            {
                Count += total;
            }
            for (int i = 0; i < count && i < _buffer.Length; i++)
            {
                _buffer[i] = (byte)(data[i] ^ s_table[i % s_table.Length]);
            }
            return Local(total);

            static int Local(int x) => x * 2;
        }

        public int Switch(string s)
        {
            switch (s)
            {
                case ""one"": return 1;
                case ""two"": return 2;
                case ""three"": return 3;
                case ""four"": return 4;
                case ""five"": return 5;
                case ""six"": return 6;
                case ""seven"": return 7;
                case ""eight"": return 8;
                default: return 0;
            }
        }

        public string Describe(int code) => code switch
        {
            0 => ""zero"",
            1 => ""one"",
            _ => s_names[code & 1],
        };

        public int Sum(params int[] values)
        {
            int sum = 0;
            foreach (int v in values)
            {
                sum += v;
            }
            foreach (object o in _list)
            {
                if (o is string text && text.Length > 0)
                {
                    sum++;
                }
            }
            _jagged[0] = s_ints;
            _boxes[0] = _reading;
            return sum + s_ints[0] + (int)s_longs[0] + (int)s_doubles[0] + s_chars[0] + (s_bools[0] ? 1 : 0) + s_shorts[1] + _jagged[0][0];
        }

        public string Format(int a, double b) => ""a="" + a + "" b="" + b.ToString(""F2"");

        public string Interpolate(int a, string b) => $""{a}:{b}"";

        public Reading Make(int value, DateTime time)
        {
            var reading = new Reading { Value = value, Ticks = time.Ticks, Mode = _mode, Time = time };
            _reading = reading;
            _mode = (Mode)((int)_mode % 3);
            return reading;
        }

        public bool Parse(string s, out int value)
        {
            try
            {
                value = int.Parse(s);
                return true;
            }
            catch (FormatException)
            {
                value = 0;
                return false;
            }
            finally
            {
                _span = _span.Add(TimeSpan.FromTicks(1));
            }
        }

        public object Coalesce(object a, object b) => a ?? b;

        public int Checked(int a) => checked(a + 1) + _range.Low + nameof(Checked).Length;

        public void Dispose()
        {
            Interlocked.Increment(ref s_ints[0]);
        }

        private sealed class Nested
        {
            public byte[] Bytes = new byte[] { 0xFF, 0xFE };
        }
    }
}
";
    }
}
