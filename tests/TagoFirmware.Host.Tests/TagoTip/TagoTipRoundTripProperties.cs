using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Host.TagoTip;
using TagoFirmware.Payload;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Host.Tests.TagoTip
{
    /// <summary>
    /// Random batches written by the firmware's TagoTipWriter, split into as many frames as the buffer needs, read
    /// back by the independent parser: exactly the variables written, in order, with inheritance applied.
    /// </summary>
    [TestClass]
    public sealed class TagoTipRoundTripProperties
    {
        private const string NameChars = "abcdefghijklmnopqrstuvwxyz0123456789_";
        private static readonly string s_printable = new string(Enumerable.Range(0x20, 0x5F).Select(c => (char)c).ToArray());
        private static readonly string s_unitChars = new string(s_printable.Where(c => "#;@[\\]^{|}".IndexOf(c) < 0).ToArray());

        private static readonly Gen<string> s_name = Gen.OneOf(
            Gen.Char[NameChars].Array[1, 12].Select(c => new string(c)),
            Gen.Char[NameChars].Array[90, 100].Select(c => new string(c)));

        private static readonly Gen<string> s_text = Gen.Char[s_printable + "\n|[];,{}#@^\\"].Array[1, 30].Select(c => new string(c));
        private static readonly Gen<string> s_unit = Gen.Select(Gen.Bool, Gen.Char[s_unitChars].Array[1, 24], (degree, c) => (degree ? "°" : string.Empty) + new string(c));
        private static readonly Gen<long> s_time = Gen.OneOf(Gen.Long[1795617000000L, 1795617000003L], Gen.Long[0, 4102444800000L]);

        private static readonly Gen<Variable> s_variable =
            from name in s_name
            from kind in Gen.Int[0, 1]
            from scaled in Gen.Long[-9007199254740991L, 9007199254740991L]
            from small in Gen.Long[-100000, 100000]
            from decimals in Gen.Int[0, 6]
            from text in s_text
            from flag in Gen.Bool
            from unit in s_unit.Null()
            from time in s_time.Nullable()
            select new Variable
            {
                Name = name, Kind = kind, Scaled = flag ? small : scaled, Decimals = decimals,
                Text = text, Unit = unit, Time = time, Group = kind == 0 ? time : null,
            };

        private static readonly Gen<Batch> s_batch =
            from sequence in Gen.Long[0, 4294967295L].Nullable()
            from time in s_time.Nullable()
            from variables in s_variable.Array[1, 120]
            from size in Gen.OneOf(Gen.Int[1500, 4000], Gen.Const(20000))
            select new Batch { Sequence = sequence, Time = time, Group = time.HasValue, Variables = variables, BufferSize = size };

        [TestMethod]
        public void The_independent_parser_reads_back_exactly_the_variables_written_across_split_frames()
        {
            s_batch.Sample(batch =>
            {
                byte[] buffer = new byte[batch.BufferSize];
                var writer = new TagoTipWriter(buffer, batch.Variables.Select(v => Bytes(v.Name)).ToArray(), batch.Variables.Select(v => Bytes(v.Unit)).ToArray());
                var points = new List<TagoTipDataPoint>();
                int frames = 0;
                Begin(writer, batch);
                int i = 0;
                while (i < batch.Variables.Length)
                {
                    TagoWriteResult r = Write(writer, batch.Variables[i], i);
                    if (r == TagoWriteResult.BufferFull && writer.ItemCount > 0)
                    {
                        // Split, never truncate: close this frame and write the variable again in a new one.
                        points.AddRange(Read(writer, batch, ref frames));
                        Begin(writer, batch);
                        continue;
                    }

                    Assert.AreEqual(TagoWriteResult.Ok, r, "variable " + i);
                    i++;
                }

                points.AddRange(Read(writer, batch, ref frames));
                Assert.AreEqual(batch.Variables.Length, points.Count);
                for (int v = 0; v < points.Count; v++)
                {
                    AssertSame(batch, batch.Variables[v], points[v]);
                }

                Assert.IsTrue(frames >= (batch.Variables.Length + 99) / 100);
            }, iter: 1_500);
        }

        private static void Begin(TagoTipWriter writer, Batch batch) => writer.Begin(batch.Sequence ?? -1, batch.Time ?? -1);

        private static List<TagoTipDataPoint> Read(TagoTipWriter writer, Batch batch, ref int frames)
        {
            int length = writer.Close();
            Assert.IsTrue(length > 0 && length <= Math.Min(batch.BufferSize, TagoTipWriter.MaxFrameBytes));
            frames++;
            TagoTipPush push = TagoTipPush.Parse(writer.Buffer.AsSpan(0, length).ToArray());
            Assert.IsNull(push.Error, Encoding.UTF8.GetString(writer.Buffer, 0, length));
            Assert.AreEqual(batch.Sequence, push.Sequence);
            return push.Points;
        }

        // A number is a queued reading (through the variable table, its time with its group); a text is an item.
        private static TagoWriteResult Write(TagoTipWriter writer, Variable v, int index) => v.Kind == 0
            ? writer.Reading(index, v.Scaled, v.Decimals, v.Time ?? -1)
            : writer.Item(Bytes(v.Name), 0, Bytes(v.Text), Bytes(v.Unit), v.Time ?? -1);

        private static void AssertSame(Batch batch, Variable v, TagoTipDataPoint point)
        {
            Assert.AreEqual(v.Name, point.Name);
            Assert.AreEqual(v.Kind == 0 ? "number" : "string", point.Type);
            Assert.AreEqual(ExpectedValue(v), point.Value);
            Assert.AreEqual(v.Unit?.Replace("°", string.Empty), point.Unit);
            Assert.AreEqual(v.Time ?? batch.Time, point.Time);
            long? group = v.Group ?? (batch.Group ? batch.Time : null);
            Assert.AreEqual(group.HasValue ? TagoFirmware.Host.Tests.Payload.Oracle.Group(group.Value) : null, point.Group);
            Assert.AreEqual(0, point.Metadata.Count);
        }

        private static string ExpectedValue(Variable v)
        {
            if (v.Kind != 0)
            {
                return v.Text;
            }

            decimal exact = v.Scaled / (decimal)Math.Pow(10, v.Decimals);
            return exact.ToString("F" + v.Decimals, CultureInfo.InvariantCulture);
        }

        private static byte[] Bytes(string text)
        {
            return text == null ? null : Encoding.UTF8.GetBytes(text);
        }

        private sealed class Variable
        {
            public string Name;
            public int Kind;
            public long Scaled;
            public int Decimals;
            public string Text;
            public string Unit;
            public long? Time;
            public long? Group;
        }

        private sealed class Batch
        {
            public long? Sequence;
            public long? Time;
            public bool Group;
            public Variable[] Variables;
            public int BufferSize;
        }
    }
}
