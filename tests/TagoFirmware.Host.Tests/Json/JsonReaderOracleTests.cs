using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Json;

namespace TagoFirmware.Host.Tests.Json
{
    /// <summary>
    /// Property tests of <see cref="JsonReader"/> against System.Text.Json's Utf8JsonReader (default options: strict
    /// RFC 8259, max depth 64): valid documents read the same token by token, mutated documents are accepted or refused
    /// alike, and arbitrary bytes never make the reader throw. Tenths are checked against decimal arithmetic.
    /// </summary>
    [TestClass]
    public class JsonReaderOracleTests
    {
        private static readonly Gen<string> s_ws = Gen.OneOf(Gen.Const(""), Gen.Const(""), Gen.Const(" "), Gen.Const("\n"), Gen.Const(" \t\r\n "));

        private static readonly Gen<string> s_number = Gen.OneOf(
            Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)),
            Gen.Int[-1000, 1000].Select(i => i.ToString(CultureInfo.InvariantCulture)),
            Gen.Double.Where(d => !double.IsNaN(d) && !double.IsInfinity(d)).Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
            Gen.Select(Gen.Bool, Gen.Int[0, 99999], Gen.Int[0, 9999], Gen.Int[-400, 400], Gen.Int[0, 3],
                (neg, ip, frac, exp, form) =>
                    (neg ? "-" : "") + ip.ToString(CultureInfo.InvariantCulture)
                    + ((form & 1) != 0 ? "." + frac.ToString(CultureInfo.InvariantCulture) : "")
                    + ((form & 2) != 0 ? "e" + exp.ToString(CultureInfo.InvariantCulture) : "")),
            Gen.Char["0123456789"].Array[20, 40].Select(a => new string(a))
                .Select(s => s.TrimStart('0'))
                .Where(s => s.Length > 0)
                .Select(s => s + "." + s + "e-" + s.Length.ToString(CultureInfo.InvariantCulture)));

        private static readonly Gen<string> s_string = Gen.Select(Gen.Char.Array[0, 12], Gen.Int[0, 3], (chars, mode) => Escape(chars, mode));

        private static Gen<string> Value(int depth)
        {
            Gen<string> scalar = Gen.Frequency(
                (3, s_number),
                (3, s_string),
                (1, Gen.OneOf(Gen.Const("true"), Gen.Const("false"), Gen.Const("null"))));
            if (depth <= 0)
            {
                return scalar;
            }

            Gen<string> inner = Value(depth - 1);
            Gen<string> array = Gen.Select(inner.Array[0, 4], s_ws, (items, ws) => "[" + ws + string.Join(ws + "," + ws, items) + ws + "]");
            Gen<string> member = Gen.Select(s_string, inner, s_ws, (k, v, ws) => k + ws + ":" + ws + v);
            Gen<string> obj = Gen.Select(member.Array[0, 4], s_ws, (members, ws) => "{" + ws + string.Join("," + ws, members) + ws + "}");
            return Gen.Frequency((4, scalar), (2, array), (2, obj));
        }

        private static readonly Gen<string> s_document = Gen.Select(s_ws, Value(4), s_ws, (a, v, b) => a + v + b);

        /// <summary>JSON-escapes a UTF-16 string several ways (raw UTF-8, \u everything, short escapes).</summary>
        private static string Escape(char[] chars, int mode)
        {
            StringBuilder sb = new StringBuilder("\"");
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                bool lone = char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                    && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(chars[i - 1]));
                if (c == '"' || c == '\\' || c < 0x20 || mode == 1 || lone || (mode == 2 && c > 0x7E))
                {
                    if (mode == 3 && c == '\n')
                    {
                        sb.Append("\\n");
                    }
                    else if (mode == 3 && c == '/')
                    {
                        sb.Append("\\/");
                    }
                    else
                    {
                        sb.Append("\\u").Append(((int)c).ToString(i % 2 == 0 ? "x4" : "X4", CultureInfo.InvariantCulture));
                    }
                }
                else
                {
                    sb.Append(c);
                }
            }

            return sb.Append('"').ToString();
        }

        /// <summary>The token stream as text, or null when System.Text.Json refuses the document.</summary>
        private static List<string> Oracle(byte[] doc)
        {
            List<string> tokens = new List<string>();
            try
            {
                Utf8JsonReader r = new Utf8JsonReader(doc, new JsonReaderOptions { MaxDepth = 64 });
                while (r.Read())
                {
                    tokens.Add(Describe(r.TokenType, r.CurrentDepth, r.TokenType == JsonTokenType.String || r.TokenType == JsonTokenType.PropertyName ? r.GetString() : null,
                        r.TokenType == JsonTokenType.Number ? Encoding.UTF8.GetString(r.ValueSpan) : null,
                        r.TokenType == JsonTokenType.Number && r.TryGetInt64(out long l) ? l : (long?)null,
                        r.TokenType == JsonTokenType.Number ? Tenths(Encoding.UTF8.GetString(r.ValueSpan)) : null));
                }

                return tokens;
            }
            catch (JsonException)
            {
                return null;
            }
            catch (InvalidOperationException)
            {
                return null; // GetString on invalid UTF-8 or a lone surrogate escape
            }
        }

        private static List<string> Ours(byte[] doc, out JsonReader reader)
        {
            List<string> tokens = new List<string>();
            reader = new JsonReader(doc, 0, doc.Length, 64);
            int depth = 0;
            while (reader.Read())
            {
                // Depth as System.Text.Json counts it: a start token sits at its container's level, an end token too.
                depth -= reader.Token == JsonToken.EndObject || reader.Token == JsonToken.EndArray ? 1 : 0;
                int current = depth;
                depth += reader.Token == JsonToken.StartObject || reader.Token == JsonToken.StartArray ? 1 : 0;
                string s = null;
                if (reader.Token == JsonToken.String || reader.Token == JsonToken.PropertyName)
                {
                    s = reader.GetString();
                    Assert.IsTrue(reader.ValueEquals(Encoding.UTF8.GetBytes(s)), "ValueEquals disagrees with GetString for " + s);
                }

                tokens.Add(Describe(Map(reader.Token), current, s,
                    reader.Token == JsonToken.Number ? Encoding.UTF8.GetString(doc, reader.TokenOffset, reader.TokenLength) : null,
                    reader.TryGetInt64(out long l) ? l : (long?)null,
                    reader.TryGetTenths(out int t) ? t : (int?)null));
            }

            return (reader.Error == JsonError.None) ? tokens : null;
        }

        /// <summary>The oracle of TryGetTenths: the decimal value × 10 rounded half away from zero, saturating at ±1,000,000;
        /// none with an exponent.</summary>
        private static int? Tenths(string raw)
        {
            if (raw.IndexOfAny(new[] { 'e', 'E' }) >= 0)
            {
                return null;
            }

            if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal v) || Math.Abs(v) > 100000m)
            {
                return raw.StartsWith('-') ? -1000000 : 1000000;
            }

            return (int)Math.Round(v * 10, MidpointRounding.AwayFromZero);
        }

        private static string Describe(JsonTokenType type, int depth, string text, string raw, long? l, int? d)
        {
            return type + "@" + depth + (text == null ? "" : " s=" + Escape(text.ToCharArray(), 1)) + (raw == null ? "" : " n=" + raw)
                + (l.HasValue ? " l=" + l.Value.ToString(CultureInfo.InvariantCulture) : "")
                + (d.HasValue ? " t=" + d.Value.ToString(CultureInfo.InvariantCulture) : "");
        }

        private static JsonTokenType Map(JsonToken t)
        {
            switch (t)
            {
                case JsonToken.StartObject: return JsonTokenType.StartObject;
                case JsonToken.EndObject: return JsonTokenType.EndObject;
                case JsonToken.StartArray: return JsonTokenType.StartArray;
                case JsonToken.EndArray: return JsonTokenType.EndArray;
                case JsonToken.PropertyName: return JsonTokenType.PropertyName;
                case JsonToken.String: return JsonTokenType.String;
                case JsonToken.Number: return JsonTokenType.Number;
                case JsonToken.True: return JsonTokenType.True;
                case JsonToken.False: return JsonTokenType.False;
                case JsonToken.Null: return JsonTokenType.Null;
                default: return JsonTokenType.None;
            }
        }

        private static void AgreeWithOracle(byte[] doc)
        {
            List<string> expected = Oracle(doc);
            List<string> actual = Ours(doc, out JsonReader reader);
            string shown = Convert.ToHexString(doc);
            if (expected == null)
            {
                Assert.IsNull(actual, "accepted what System.Text.Json refuses: " + shown);
                Assert.AreNotEqual(JsonError.None, reader.Error);
                Assert.IsTrue(reader.ErrorOffset >= 0 && reader.ErrorOffset <= doc.Length, "error offset out of range: " + shown);
            }
            else
            {
                Assert.IsNotNull(actual, "refused (" + reader.Error + " at " + reader.ErrorOffset + ") what System.Text.Json accepts: " + shown);
                CollectionAssert.AreEqual(expected, actual, shown);
            }
        }

        [TestMethod]
        public void Valid_documents_read_the_same_as_System_Text_Json()
        {
            s_document.Sample(json =>
            {
                byte[] doc = Encoding.UTF8.GetBytes(json);
                Assert.IsNotNull(Oracle(doc), "generator produced invalid JSON: " + json);
                AgreeWithOracle(doc);
            }, iter: 3000);
        }

        [TestMethod]
        public void Mutated_documents_are_accepted_or_refused_as_System_Text_Json_does()
        {
            Gen<byte> jsonish = Gen.OneOf(Gen.Byte, Gen.Char["{}[]\",:.-+eE0123456789 \\untrfalsel/\n"].Select(c => (byte)c));
            Gen.Select(s_document, Gen.Int[0, 3], Gen.Int[0, 1 << 30], jsonish, (json, op, where, b) =>
            {
                List<byte> bytes = new List<byte>(Encoding.UTF8.GetBytes(json));
                int at = bytes.Count == 0 ? 0 : where % bytes.Count;
                switch (op)
                {
                    case 0: if (bytes.Count > 0) { bytes[at] = b; } break;
                    case 1: bytes.Insert(at, b); break;
                    case 2: if (bytes.Count > 0) { bytes.RemoveAt(at); } break;
                    default: bytes.RemoveRange(at, bytes.Count - at); break;
                }

                return bytes.ToArray();
            }).Sample(AgreeWithOracle, iter: 5000);
        }

        [TestMethod]
        public void Random_bytes_never_throw_and_agree_with_System_Text_Json()
        {
            Gen.Byte.Array[0, 64].Sample(AgreeWithOracle, iter: 5000);
        }

        [TestMethod]
        public void Skip_and_every_accessor_never_throw_on_random_bytes()
        {
            Gen.Select(Gen.Byte.Array[0, 64], Gen.Int[0, 4]).Sample((doc, op) =>
            {
                JsonReader r = new JsonReader(doc, 0, doc.Length, 1 + op);
                int guard = 0;
                while (guard++ < 200)
                {
                    switch (op)
                    {
                        case 0: r.Skip(); break;
                        case 1: r.GetString(); break;
                        case 2: r.TryGetTenths(out _); break;
                        case 3: r.ValueEquals(doc); break;
                        default: r.TryGetInt64(out _); break;
                    }

                    if (!r.Read())
                    {
                        break;
                    }
                }

                Assert.IsTrue(guard < 200);
            }, iter: 5000);
        }

        [TestMethod]
        public void Deep_nesting_is_refused_exactly_where_System_Text_Json_refuses_it()
        {
            for (int depth = 62; depth <= 66; depth++)
            {
                AgreeWithOracle(Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)));
                AgreeWithOracle(Encoding.UTF8.GetBytes(string.Concat(System.Linq.Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)));
            }
        }
    }
}
