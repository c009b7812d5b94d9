using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Payload;

namespace TagoFirmware.Host.Tests.Payload
{
    /// <summary>
    /// Random valid items of every shape (scaled readings through the variable table, integer and string items):
    /// System.Text.Json parses the payload back to the same values, with the keys in the documented order.
    /// </summary>
    [TestClass]
    public sealed class ItemRoundTripProperties
    {
        private static readonly Gen<string> s_variable = Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789_"].Array[1, 100].Select(c => new string(c));
        private static readonly Gen<string> s_text = Gen.String[Gen.Char[(char)0, (char)0xD7FF], 0, 30];
        private static readonly Gen<string> s_unit = Gen.String[Gen.Char[(char)0, (char)0xD7FF], 0, 25];
        private static readonly Gen<long> s_unixMs = Gen.Long[0, 253402300799999L];

        /// <summary>A value: scaled integer with decimals, integer or string.</summary>
        private static readonly Gen<Scalar> s_scalar = Gen.OneOf(
            Gen.Select(Gen.Long[-TagoJsonWriter.MaxSafeInteger, TagoJsonWriter.MaxSafeInteger], Gen.Int[0, 6], (v, d) => new Scalar { Kind = 0, Integer = v, Decimals = d }),
            Gen.Long[-TagoJsonWriter.MaxSafeInteger, TagoJsonWriter.MaxSafeInteger].Select(v => new Scalar { Kind = 1, Integer = v }),
            s_text.Select(t => new Scalar { Kind = 2, Text = t }));

        private static readonly Gen<Item> s_item =
            from variable in s_variable
            from value in s_scalar
            from unit in s_unit.Null()
            from time in Gen.Select(Gen.Bool, s_unixMs, (has, ms) => has ? ms : (long?)null)
            select new Item { Variable = variable, Value = value, Unit = unit, Time = time, Group = value.Kind == 0 ? time : null };

        [TestMethod]
        public void Random_valid_items_parse_back_to_the_same_values()
        {
            s_item.Array[1, 6].Sample(items =>
            {
                byte[] buffer = new byte[64 * 1024];
                byte[][] names = items.Select(item => Encoding.UTF8.GetBytes(item.Variable)).ToArray();
                byte[][] units = items.Select(item => item.Unit == null ? null : Encoding.UTF8.GetBytes(item.Unit)).ToArray();
                TagoJsonWriter writer = new TagoJsonWriter(buffer, names, units);
                for (int i = 0; i < items.Length; i++)
                {
                    Assert.AreEqual(TagoWriteResult.Ok, Write(writer, items[i], i));
                }

                int length = writer.Close();
                using JsonDocument document = JsonDocument.Parse(buffer.AsMemory(0, length));
                JsonElement array = document.RootElement;
                Assert.AreEqual(items.Length, array.GetArrayLength());
                for (int i = 0; i < items.Length; i++)
                {
                    AssertSame(items[i], array[i]);
                }
            }, iter: 2_000);
        }

        private static TagoWriteResult Write(TagoJsonWriter writer, Item item, int index)
        {
            // A reading (its time with its group) goes through the variable table (checked and escaped once).
            if (item.Value.Kind == 0)
            {
                return writer.Reading(index, item.Value.Integer, item.Value.Decimals, item.Time ?? -1);
            }

            byte[] text = item.Value.Kind == 2 ? Encoding.UTF8.GetBytes(item.Value.Text) : null;
            byte[] unit = item.Unit == null ? null : Encoding.UTF8.GetBytes(item.Unit);
            return writer.Item(Encoding.UTF8.GetBytes(item.Variable), item.Value.Integer, text, unit, item.Time ?? -1);
        }

        private static void AssertSame(Item item, JsonElement element)
        {
            List<string> expectedKeys = new List<string> { "variable", "value" };
            if (item.Unit != null) expectedKeys.Add("unit");
            if (item.Time.HasValue) expectedKeys.Add("time");
            if (item.Group.HasValue) expectedKeys.Add("group");
            CollectionAssert.AreEqual(expectedKeys, element.EnumerateObject().Select(p => p.Name).ToList());

            Assert.AreEqual(item.Variable, element.GetProperty("variable").GetString());
            AssertScalar(item.Value, element.GetProperty("value"));
            if (item.Unit != null) Assert.AreEqual(item.Unit, element.GetProperty("unit").GetString());
            if (item.Time.HasValue) Assert.AreEqual(Oracle.Time(item.Time.Value), element.GetProperty("time").GetString());
            if (item.Group.HasValue) Assert.AreEqual(Oracle.Group(item.Group.Value), element.GetProperty("group").GetString());
        }

        private static void AssertScalar(Scalar expected, JsonElement actual)
        {
            switch (expected.Kind)
            {
                case 0:
                    decimal exact = expected.Integer / (decimal)Math.Pow(10, expected.Decimals);
                    Assert.AreEqual(exact.ToString("F" + expected.Decimals, CultureInfo.InvariantCulture), actual.GetRawText());
                    break;
                case 1:
                    Assert.AreEqual(expected.Integer, actual.GetInt64());
                    break;
                default:
                    Assert.AreEqual(expected.Text, actual.GetString());
                    break;
            }
        }

        private sealed class Scalar
        {
            public int Kind;
            public int Decimals;
            public long Integer;
            public string Text;

            public override string ToString() => Kind switch
            {
                0 => $"{Integer}e-{Decimals}",
                1 => Integer.ToString(CultureInfo.InvariantCulture),
                _ => JsonSerializer.Serialize(Text),
            };
        }

        private sealed class Item
        {
            public string Variable;
            public Scalar Value;
            public string Unit;
            public long? Time;
            public long? Group;

            public override string ToString() => $"{Variable} value={Value} unit={Unit} time={Time} group={Group}";
        }
    }
}
