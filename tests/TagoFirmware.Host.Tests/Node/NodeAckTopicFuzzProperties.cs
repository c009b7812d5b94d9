using System;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Config;
using TagoFirmware.Tests.Node;

namespace TagoFirmware.Host.Tests.Node
{
    /// <summary>
    /// Random and mutated messages on a TagoTiP node's ack topic (receipts, errors, commands; empty, oversized, not
    /// UTF-8, <c>!N</c> overflowing u32) go through the whole node: nothing throws, readings leave the queue only on a
    /// receipt for the frame in flight, and a refused command changes no setting, in RAM or in the override store.
    /// </summary>
    [TestClass]
    public sealed class NodeAckTopicFuzzProperties
    {
        private static readonly string[] s_pieces =
        {
            "!", "!0", "!1", "!2", "!3", "!4294967295", "!4294967296", "!99999999999999999999", "!-1", "|", "OK", "ERR", "CMD",
            "3", "11", "-1", "invalid_payload", "invalid_seq", "payload_too_large", "rate_limited", "server_error",
            "ttl_expired", "invalid_token", "interval", "batch", "=", "interval=60", "interval=0", "interval=99999999999",
            "batch=5", "batch=0", "batch=-3", "reboot", "ping", "diagnostics", "\n", "\r", " ", "\0", "é", "=x",
        };

        private static readonly Gen<byte[]> s_message = Gen.Frequency(
            (1, Gen.Byte.Array[0, 48]),
            (1, Gen.Const(new byte[0])),
            (1, Gen.Int[1500, 5000].Select(n => Enumerable.Repeat((byte)'9', n).Prepend((byte)'=').Prepend((byte)'l').ToArray())),
            (1, Gen.Byte.Array[1, 4].Select(b => Encoding.ASCII.GetBytes("CMD|interval=").Concat(b.Select(x => (byte)(x | 0x80))).ToArray())),
            (4, Gen.Int[0, s_pieces.Length - 1].Select(i => s_pieces[i]).Array[1, 6].Select(p => Encoding.UTF8.GetBytes(string.Concat(p)))),
            (6, Gen.Select(Gen.Int[0, 5], Gen.Int[-5, 200000], Gen.Int[0, 3], Gen.Int[0, 40], Gen.Byte).Select(Mutated)));

        /// <summary>A well-formed message (<c>{N}</c> becomes the in-flight frame's <c>!N</c> when sent), then kept,
        /// truncated, or with one byte replaced or removed.</summary>
        private static byte[] Mutated(int kind, int value, int mutation, int at, byte b)
        {
            string v = value.ToString();
            string text = kind switch
            {
                0 => "CMD|interval=" + v,
                1 => "CMD|batch=" + v,
                2 => "!{N}|OK|" + v,
                3 => "!{N}|ERR|" + s_pieces[16 + (value & 3)],
                4 => "CMD|" + s_pieces[32 + (value % 3 + 3) % 3],
                _ => "!{N}|ERR|" + s_pieces[20 + (value & 1)],
            };
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            at %= bytes.Length;
            return mutation switch
            {
                1 => bytes.Take(at).ToArray(),
                2 => bytes.Select((x, i) => i == at ? b : x).ToArray(),
                3 => bytes.Where((x, i) => i != at).ToArray(),
                _ => bytes,
            };
        }

        [TestMethod]
        public void Any_ack_topic_message_never_throws_and_never_changes_the_queue_or_settings_partially()
        {
            s_message.Array[1, 12].Sample(messages =>
            {
                NodeRig rig = new NodeRig();
                FakeTagoTipServer server = rig.UseTagoTip(1);
                rig.Config.Set(ConfigKeys.SamplingBatch, 2);
                rig.Build();
                server.Answers = false;
                server.AnswersDiagnostics = false;
                rig.Run(20000);
                foreach (byte[] message in messages)
                {
                    Check(rig, message);
                }

                Assert.AreEqual(0, rig.Log.CountContaining("node error"), "nothing threw inside the node");
            }, iter: 150);
        }

        private static void Check(NodeRig rig, byte[] message)
        {
            var node = rig.Node;
            int queued = node.Queue.Count;
            int readings = node.Sampler.ReadingsQueued;
            bool inFlight = node.TagoTip.Receipts.InFlight;
            long inFlightSequence = node.TagoTip.Receipts.InFlightSequence;
            int interval = node.Commands.IntervalSeconds;
            int batch = node.Commands.BatchSize;
            byte[] record = rig.Overrides.Record == null ? null : (byte[])rig.Overrides.Record.Clone();
            int errors = node.Diagnostics.CommandErrors;

            string raw = Encoding.UTF8.GetString(message);
            if (raw.Contains("{N}"))
            {
                message = Encoding.UTF8.GetBytes(raw.Replace("{N}", inFlightSequence.ToString()));
            }

            rig.Mqtt.Deliver(FakeTagoTipServer.AckTopic, message);
            rig.Run(NodeRig.StepMs);

            string text = Encoding.UTF8.GetString(message);
            int left = queued + (node.Sampler.ReadingsQueued - readings) - node.Queue.Count;
            if (left > 0)
            {
                // Only a receipt (OK, or an ERR that quarantines) for the frame in flight takes readings away.
                Assert.IsTrue(inFlight, "readings left the queue with no frame in flight: " + Show(text));
                Assert.IsTrue(text.StartsWith("!" + inFlightSequence + "|") || text.StartsWith("ERR|"),
                    "readings left the queue on a message for another frame: " + Show(text));
            }

            if (node.Diagnostics.CommandErrors > errors)
            {
                Assert.AreEqual(interval, node.Commands.IntervalSeconds, "a refused command changed the interval: " + Show(text));
                Assert.AreEqual(batch, node.Commands.BatchSize, "a refused command changed the batch: " + Show(text));
                CollectionAssert.AreEqual(record, rig.Overrides.Record, "a refused command changed the stored overrides: " + Show(text));
            }
            else if (interval != node.Commands.IntervalSeconds || batch != node.Commands.BatchSize)
            {
                // An accepted setting is whole: in force and stored.
                Assert.IsTrue(text.StartsWith("CMD|"), "a setting changed without a command: " + Show(text));
                Assert.IsNotNull(rig.Overrides.Record);
                Assert.IsFalse(record != null && record.SequenceEqual(rig.Overrides.Record), "accepted but not stored: " + Show(text));
            }
        }

        private static string Show(string text) => text.Length > 80 ? text.Substring(0, 80) + "…" : text;
    }
}
