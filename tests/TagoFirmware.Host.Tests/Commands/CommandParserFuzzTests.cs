using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Commands;
using TagoFirmware.Diagnostics;

namespace TagoFirmware.Host.Tests.Commands
{
    /// <summary>
    /// Property tests of the downlink command path: arbitrary bytes and topics never make it throw, a refused message
    /// changes nothing (settings, stored record), an accepted one changes exactly what it says; near-valid TagoIO
    /// payloads are accepted or refused exactly as an independent model over System.Text.Json says.
    /// About 60 000 messages in total, a few seconds.
    /// </summary>
    [TestClass]
    public class CommandParserFuzzTests
    {
        private const string Prefix = "commands/node-1/";
        private const int MinInterval = 12;
        private static readonly string[] s_names = { "reboot", "ping", "interval", "batch", "diagnostics" };

        private static readonly Gen<string> s_topic = Gen.OneOf(
            Gen.String,
            Gen.Char.Array[0, 30].Select(c => Prefix + new string(c)),
            Gen.Int[0, 4].Select(i => Prefix + s_names[i]),
            Gen.Int[0, 4].Select(i => "commands/node-2/" + s_names[i]),
            Gen.Int[0, 4].Select(i => Prefix + s_names[i] + "/x"));

        /// <summary>A node with overrides already in force (interval 120, batch 5) and a stored record.</summary>
        private sealed class Node
        {
            public readonly MemoryStore Store = new MemoryStore();
            public readonly DiagnosticsCounters Counters = new DiagnosticsCounters("1.0.0");
            public readonly CommandProcessor Processor;
            public readonly CommandParser Parser = new CommandParser("commands/node-1/+", MinInterval);

            public Node()
            {
                Store.Record = CommandProcessor.EncodeRecord(99, 120, 5);
                Processor = new CommandProcessor(Parser, Store, 99, 60, 1, Counters, null);
                Processor.Load();
            }
        }

        private sealed class MemoryStore : IOverrideStore
        {
            public byte[] Record;

            public byte[] Read() => Record;

            public bool Write(byte[] record)
            {
                Record = record;
                return true;
            }
        }

        private static void CheckOneMessage(string topic, byte[] payload)
        {
            Node node = new Node();
            byte[] before = (byte[])node.Store.Record.Clone();

            // Nothing catches for the parser: it must not throw.
            int outcome = node.Processor.Process(topic, payload);

            Assert.IsFalse(string.IsNullOrEmpty(node.Processor.LastLogLine));
            if (outcome == CommandProcessor.Refused)
            {
                Assert.AreEqual(120, node.Processor.IntervalSeconds);
                Assert.AreEqual(5, node.Processor.BatchSize);
                CollectionAssert.AreEqual(before, node.Store.Record);
                Assert.AreEqual(1, node.Counters.CommandErrors);
            }
            else
            {
                Assert.AreEqual(0, node.Counters.CommandErrors);
                Assert.IsTrue(node.Processor.IntervalSeconds >= MinInterval && node.Processor.IntervalSeconds <= 86400);
                Assert.IsTrue(node.Processor.BatchSize >= 1 && node.Processor.BatchSize <= 100);
                CommandProcessor reloaded = new CommandProcessor(node.Parser, node.Store, 99, 60, 1, node.Counters, null);
                reloaded.Load();
                Assert.AreEqual(node.Processor.IntervalSeconds, reloaded.IntervalSeconds);
                Assert.AreEqual(node.Processor.BatchSize, reloaded.BatchSize);
            }
        }

        [TestMethod]
        public void Arbitrary_bytes_and_topics_never_throw_and_a_refusal_changes_nothing()
        {
            Gen.Select(s_topic, Gen.Byte.Array[0, 700]).Sample((topic, payload) =>
                CheckOneMessage(topic, payload), iter: 20000);
        }

        // ---- near-valid TagoIO payloads against an independent model -------------------------------------------

        private static readonly Gen<string> s_value = Gen.OneOf(
            Gen.Int[-5, 200].Select(i => i.ToString(CultureInfo.InvariantCulture)),
            Gen.Int[0, 100000].Select(i => i.ToString(CultureInfo.InvariantCulture)),
            Gen.Int[0, 100000].Select(i => "\"" + i.ToString(CultureInfo.InvariantCulture) + "\""),
            Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)),
            Gen.OneOf(Gen.Const("60.5"), Gen.Const("6e1"), Gen.Const("true"), Gen.Const("null"), Gen.Const("\"6 0\""),
                Gen.Const("\"\""), Gen.Const("[60]"), Gen.Const("{\"v\":60}"), Gen.Const("\"\\u0036\""), Gen.Const("-0"),
                Gen.Const("99999999999999999999"), Gen.Const("\"0000000060\"")));

        private static readonly Gen<string> s_variable = Gen.OneOf(
            Gen.Const("\"interval\""), Gen.Const("\"batch\""), Gen.Const("\"interval\""), Gen.Const("\"batch\""),
            Gen.Const("\"reboot\""), Gen.Const("\"INTERVAL\""), Gen.Const("7"), Gen.Const("\"inter\\u0076al\""));

        private static readonly Gen<string> s_member = Gen.OneOf(
            s_variable.Select(v => "\"variable\":" + v),
            s_value.Select(v => "\"value\":" + v),
            Gen.Const("\"unit\":\"s\""),
            Gen.Const("\"metadata\":{\"a\":[1,{\"b\":2}]}"),
            Gen.Const("\"metadata\":{\"a\":[1]}"));

        private static readonly Gen<string> s_item = Gen.OneOf(
            Gen.Select(s_variable, s_value, (v, x) => "{\"variable\":" + v + ",\"value\":" + x + "}"),
            Gen.Select(s_variable, s_value, (v, x) => "{\"value\":" + x + ",\"unit\":\"s\",\"variable\":" + v + "}"),
            s_member.Array[0, 4].Select(m => "{" + string.Join(",", m) + "}"));

        private static readonly Gen<string> s_payload = Gen.OneOf(
            s_value,
            s_item,
            s_item.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]"),
            s_item.Array[1, 3].Select(items => " [ " + string.Join(" , ", items) + " ] "));

        /// <summary>Deletes, duplicates or inserts one character sometimes, to reach the malformed paths.</summary>
        private static readonly Gen<string> s_mutated = Gen.Select(s_payload, Gen.Int[0, 5], Gen.Int[0, 1000], Gen.Char["{}[],:\"0 x\\"],
            (p, kind, at, c) =>
            {
                if (p.Length == 0 || kind > 2)
                {
                    return p;
                }

                int i = at % p.Length;
                return kind == 0 ? p.Remove(i, 1) : kind == 1 ? p.Insert(i, p[i].ToString()) : p.Insert(i, c.ToString());
            });

        [TestMethod]
        public void Near_valid_payloads_are_accepted_exactly_when_the_model_accepts_them()
        {
            Gen.Select(Gen.Int[0, 4], s_mutated).Sample((nameIndex, text) =>
            {
                string name = s_names[nameIndex];
                byte[] payload = Encoding.UTF8.GetBytes(text);
                Node node = new Node();
                bool expected = Model(name, payload, out int? interval, out int? batch);

                int outcome = node.Processor.Process(Prefix + name, payload);

                Assert.AreEqual(expected, outcome != CommandProcessor.Refused, name + " " + text + " → " + node.Processor.LastLogLine);
                Assert.AreEqual(interval ?? 120, node.Processor.IntervalSeconds, text);
                Assert.AreEqual(batch ?? 5, node.Processor.BatchSize, text);
            }, iter: 30000);
        }

        /// <summary>
        /// The documented payload rules, written independently over System.Text.Json: returns whether the message is
        /// accepted and which settings it sets.
        /// </summary>
        private static bool Model(string name, byte[] payload, out int? interval, out int? batch)
        {
            interval = null;
            batch = null;
            if (payload.Length > 512)
            {
                return false;
            }

            bool blank = payload.All(b => b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D);
            JsonDocument doc = null;
            if (!blank)
            {
                try
                {
                    doc = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 4 });
                }
                catch (JsonException)
                {
                    return false;
                }
            }

            if (name != "interval" && name != "batch")
            {
                return true;
            }

            if (blank)
            {
                return false;
            }

            long? iv = null;
            long? bs = null;
            JsonElement root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Number || root.ValueKind == JsonValueKind.String)
            {
                if (!Integer(root, out long v))
                {
                    return false;
                }

                if (name == "interval") iv = v; else bs = v;
            }
            else if (root.ValueKind == JsonValueKind.Object)
            {
                if (!Item(root, ref iv, ref bs))
                {
                    return false;
                }
            }
            else if (root.ValueKind == JsonValueKind.Array)
            {
                if (root.GetArrayLength() == 0)
                {
                    return false;
                }

                foreach (JsonElement item in root.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object || !Item(item, ref iv, ref bs))
                    {
                        return false;
                    }
                }
            }
            else
            {
                return false;
            }

            if ((name == "interval" && iv == null) || (name == "batch" && bs == null))
            {
                return false;
            }

            if ((iv != null && (iv < MinInterval || iv > 86400)) || (bs != null && (bs < 1 || bs > 100)))
            {
                return false;
            }

            interval = iv.HasValue ? (int)iv.Value : null;
            batch = bs.HasValue ? (int)bs.Value : null;
            // Unchanged settings keep the node's previous overrides.
            interval ??= 120;
            batch ??= 5;
            return true;
        }

        private static bool Item(JsonElement item, ref long? iv, ref long? bs)
        {
            string variable = null;
            int variables = 0;
            int values = 0;
            JsonElement value = default;
            foreach (JsonProperty p in item.EnumerateObject())
            {
                if (p.NameEquals("variable"))
                {
                    variables++;
                    if (p.Value.ValueKind != JsonValueKind.String)
                    {
                        return false;
                    }

                    variable = p.Value.GetString();
                }
                else if (p.NameEquals("value"))
                {
                    values++;
                    value = p.Value;
                }
            }

            if (variables != 1 || values != 1 || (variable != "interval" && variable != "batch") || !Integer(value, out long v))
            {
                return false;
            }

            if (variable == "interval")
            {
                if (iv != null) return false;
                iv = v;
            }
            else
            {
                if (bs != null) return false;
                bs = v;
            }

            return true;
        }

        private static bool Integer(JsonElement e, out long value)
        {
            value = 0;
            string raw = e.GetRawText();
            if (e.ValueKind == JsonValueKind.Number)
            {
                return raw.All(c => char.IsAsciiDigit(c) || c == '-') && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
            }

            if (e.ValueKind == JsonValueKind.String)
            {
                string inner = raw.Substring(1, raw.Length - 2);
                return inner.Length >= 1 && inner.Length <= 9 && inner.All(char.IsAsciiDigit)
                    && long.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out value);
            }

            return false;
        }
    }
}
