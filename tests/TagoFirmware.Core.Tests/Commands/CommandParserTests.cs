using nanoFramework.TestFramework;
using TagoFirmware.Commands;
using TagoFirmware.Tests.Json;

namespace TagoFirmware.Tests.Commands
{
    /// <summary>Every command and every error kind, parsed with the default filter for client "node-1" and a
    /// 12 s minimum interval (DHT22 standard pipeline).</summary>
    [TestClass]
    public class CommandParserTests
    {
        private const string Prefix = "commands/node-1/";
        private static readonly CommandParser s_parser = new CommandParser("commands/node-1/+", 12);

        private static int Parse(string topic, string payload)
        {
            byte[] bytes = payload == null ? null : TestUtf8.Bytes(payload);
            return (int)s_parser.Parse(topic, bytes);
        }

        [TestMethod]
        [DataRow("reboot", "", 1)]
        [DataRow("reboot", "true", 1)]
        [DataRow("ping", "  \r\n", 2)]
        [DataRow("ping", "{\"anything\":[1,2,3]}", 2)]
        [DataRow("diagnostics", "[{\"variable\":\"diagnostics\",\"value\":true}]", 5)]
        [DataRow("diagnostics", "null", 5)]
        public void Commands_without_arguments_accept_empty_or_any_well_formed_payload(string name, string payload, int kind)
        {
            Assert.AreEqual((int)CommandError.None, Parse(Prefix + name, payload));
            Assert.AreEqual(kind, s_parser.Kind);
            Assert.AreEqual(0, s_parser.Value(1));
            Assert.AreEqual(0, s_parser.Value(2));
        }

        [TestMethod]
        [DataRow("60", 60)]
        [DataRow(" 60 ", 60)]
        [DataRow("\"60\"", 60)]
        [DataRow("12", 12)]
        [DataRow("86400", 86400)]
        [DataRow("{\"variable\":\"interval\",\"value\":300}", 300)]
        [DataRow("{\"value\":\"300\",\"variable\":\"interval\"}", 300)]
        [DataRow("[{\"variable\":\"interval\",\"value\":120}]", 120)]
        [DataRow("[{\"variable\":\"interval\",\"value\":120,\"unit\":\"s\",\"metadata\":{\"by\":[\"dash\"]}}]", 120)]
        public void Interval_accepts_bare_string_object_and_array_forms(string payload, int seconds)
        {
            Assert.AreEqual((int)CommandError.None, Parse(Prefix + "interval", payload));
            Assert.AreEqual(3, s_parser.Kind);
            Assert.AreEqual(seconds, s_parser.Value(1));
            Assert.AreEqual(0, s_parser.Value(2));
        }

        [TestMethod]
        [DataRow("1", 1)]
        [DataRow("100", 100)]
        [DataRow("\"25\"", 25)]
        [DataRow("[{\"variable\":\"batch\",\"value\":10}]", 10)]
        public void Batch_accepts_1_to_100(string payload, int size)
        {
            Assert.AreEqual((int)CommandError.None, Parse(Prefix + "batch", payload));
            Assert.AreEqual(size, s_parser.Value(2));
        }

        [TestMethod]
        public void An_array_may_set_interval_and_batch_together()
        {
            Assert.AreEqual((int)CommandError.None, Parse(Prefix + "interval",
                "[{\"variable\":\"interval\",\"value\":600},{\"variable\":\"batch\",\"value\":\"20\"}]"));
            Assert.AreEqual(600, s_parser.Value(1));
            Assert.AreEqual(20, s_parser.Value(2));
        }

        [TestMethod]
        // Topic errors.
        [DataRow("commands/node-2/interval", "60", (int)CommandError.TopicMismatch)]
        [DataRow("commands/node-1/interval/x", "60", (int)CommandError.TopicMismatch)]
        [DataRow("commands/node-1", "60", (int)CommandError.TopicMismatch)]
        [DataRow("", "60", (int)CommandError.TopicMismatch)]
        [DataRow("Commands/node-1/interval", "60", (int)CommandError.TopicMismatch)]
        [DataRow("commands/node-1/", "60", (int)CommandError.UnknownCommand)]
        [DataRow("commands/node-1/Interval", "60", (int)CommandError.UnknownCommand)]
        [DataRow("commands/node-1/shutdown", "", (int)CommandError.UnknownCommand)]
        // Malformed payloads, for settings and for argument-less commands alike.
        [DataRow("commands/node-1/interval", "60,", (int)CommandError.MalformedJson)]
        [DataRow("commands/node-1/interval", "[{\"variable\":\"interval\",\"value\":60}", (int)CommandError.MalformedJson)]
        [DataRow("commands/node-1/interval", "060", (int)CommandError.MalformedJson)]
        [DataRow("commands/node-1/interval", "sixty", (int)CommandError.MalformedJson)]
        [DataRow("commands/node-1/reboot", "reboot please", (int)CommandError.MalformedJson)]
        [DataRow("commands/node-1/ping", "{\"a\":1}}", (int)CommandError.MalformedJson)]
        [DataRow("commands/node-1/interval", "[[[[[60]]]]]", (int)CommandError.MalformedJson)]
        // Missing values.
        [DataRow("commands/node-1/interval", "", (int)CommandError.MissingValue)]
        [DataRow("commands/node-1/interval", "  ", (int)CommandError.MissingValue)]
        [DataRow("commands/node-1/interval", "[]", (int)CommandError.MissingValue)]
        [DataRow("commands/node-1/interval", "{}", (int)CommandError.MissingValue)]
        [DataRow("commands/node-1/interval", "{\"variable\":\"interval\"}", (int)CommandError.MissingValue)]
        [DataRow("commands/node-1/interval", "{\"value\":60}", (int)CommandError.MissingValue)]
        [DataRow("commands/node-1/interval", "[{\"variable\":\"batch\",\"value\":10}]", (int)CommandError.MissingValue)]
        // Wrong value types.
        [DataRow("commands/node-1/interval", "60.5", (int)CommandError.InvalidValue)]
        [DataRow("commands/node-1/interval", "60.0", (int)CommandError.InvalidValue)]
        [DataRow("commands/node-1/interval", "6e1", (int)CommandError.InvalidValue)]
        [DataRow("commands/node-1/interval", "\"60 \"", (int)CommandError.InvalidValue)]
        [DataRow("commands/node-1/interval", "\"-60\"", (int)CommandError.InvalidValue)]
        [DataRow("commands/node-1/interval", "\"\\u0036\\u0030\"", (int)CommandError.InvalidValue)]
        [DataRow("commands/node-1/interval", "\"\"", (int)CommandError.InvalidValue)]
        [DataRow("commands/node-1/interval", "\"1234567890\"", (int)CommandError.InvalidValue)]
        [DataRow("commands/node-1/interval", "true", (int)CommandError.InvalidValue)]
        [DataRow("commands/node-1/interval", "null", (int)CommandError.InvalidValue)]
        [DataRow("commands/node-1/interval", "[60]", (int)CommandError.InvalidValue)]
        [DataRow("commands/node-1/interval", "{\"variable\":\"interval\",\"value\":[60]}", (int)CommandError.InvalidValue)]
        [DataRow("commands/node-1/interval", "{\"variable\":7,\"value\":60}", (int)CommandError.InvalidValue)]
        [DataRow("commands/node-1/interval", "99999999999999999999", (int)CommandError.InvalidValue)]
        // Unknown and duplicate variables.
        [DataRow("commands/node-1/interval", "[{\"variable\":\"interval\",\"value\":60},{\"variable\":\"reboot\",\"value\":1}]", (int)CommandError.UnknownVariable)]
        [DataRow("commands/node-1/interval", "{\"variable\":\"INTERVAL\",\"value\":60}", (int)CommandError.UnknownVariable)]
        [DataRow("commands/node-1/interval", "[{\"variable\":\"interval\",\"value\":60},{\"variable\":\"interval\",\"value\":90}]", (int)CommandError.DuplicateVariable)]
        [DataRow("commands/node-1/interval", "{\"variable\":\"interval\",\"value\":60,\"value\":90}", (int)CommandError.DuplicateVariable)]
        // Ranges.
        [DataRow("commands/node-1/interval", "11", (int)CommandError.IntervalBelowMinimum)]
        [DataRow("commands/node-1/interval", "1", (int)CommandError.IntervalBelowMinimum)]
        [DataRow("commands/node-1/interval", "0", (int)CommandError.OutOfRange)]
        [DataRow("commands/node-1/interval", "-60", (int)CommandError.OutOfRange)]
        [DataRow("commands/node-1/interval", "86401", (int)CommandError.OutOfRange)]
        [DataRow("commands/node-1/interval", "9223372036854775807", (int)CommandError.OutOfRange)]
        [DataRow("commands/node-1/batch", "0", (int)CommandError.OutOfRange)]
        [DataRow("commands/node-1/batch", "101", (int)CommandError.OutOfRange)]
        [DataRow("commands/node-1/interval", "[{\"variable\":\"interval\",\"value\":60},{\"variable\":\"batch\",\"value\":0}]", (int)CommandError.OutOfRange)]
        public void Each_kind_of_bad_message_gets_its_specific_error(string topic, string payload, int expected)
        {
            Assert.AreEqual(expected, Parse(topic, payload));
        }

        [TestMethod]
        public void A_null_topic_and_a_null_payload_do_not_throw()
        {
            Assert.AreEqual((int)CommandError.TopicMismatch, Parse(null, "60"));
            Assert.AreEqual((int)CommandError.MissingValue, Parse(Prefix + "interval", null));
            Assert.AreEqual((int)CommandError.None, Parse(Prefix + "ping", null));
        }

        [TestMethod]
        public void A_payload_over_512_bytes_is_refused_before_parsing()
        {
            byte[] big = new byte[513];
            for (int i = 0; i < big.Length; i++)
            {
                big[i] = (byte)' ';
            }

            big[0] = (byte)'6';
            big[1] = (byte)'0';
            Assert.AreEqual((int)CommandError.PayloadTooLarge, (int)s_parser.Parse(Prefix + "interval", big));
            Assert.AreEqual(513L, s_parser.RefusedValue);
            byte[] fits = new byte[512];
            System.Array.Copy(big, fits, 512);
            Assert.AreEqual((int)CommandError.None, (int)s_parser.Parse(Prefix + "interval", fits));
        }
    }
}
