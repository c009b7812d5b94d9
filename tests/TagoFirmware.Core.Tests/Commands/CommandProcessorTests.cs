using nanoFramework.TestFramework;
using TagoFirmware.Commands;
using TagoFirmware.Diagnostics;
using TagoFirmware.Tests.Json;

namespace TagoFirmware.Tests.Commands
{
    /// <summary>Parse-then-apply: outcomes, counters, log lines, atomicity and persistence.</summary>
    [TestClass]
    public class CommandProcessorTests
    {
        private const string Prefix = "commands/node-1/";
        private const uint Fingerprint = 0x12345678;

        private static FakeOverrideStore s_store;
        private static DiagnosticsCounters s_counters;
        private static CommandProcessor s_processor;

        /// <summary>A fresh node: config interval 60 s, batch 1, 12 s minimum.</summary>
        private static void NewNode()
        {
            s_store = new FakeOverrideStore();
            s_counters = new DiagnosticsCounters("1.0.0");
            s_counters.EveryPayloads = 10;
            s_counters.MarkPublished();
            s_processor = Create(s_store, Fingerprint, 60, 1, s_counters);
            s_processor.Load();
        }

        /// <summary>A processor for the config's interval and batch with a 12 s minimum interval.</summary>
        internal static CommandProcessor Create(IOverrideStore store, uint fingerprint, int interval, int batch, DiagnosticsCounters counters)
        {
            return new CommandProcessor(new CommandParser(Prefix + "+", 12), store, fingerprint, interval, batch, counters, null);
        }

        private static int Send(string command, string payload)
        {
            return s_processor.Process(Prefix + command, TestUtf8.Bytes(payload));
        }

        [TestMethod]
        public void Reboot_asks_the_integrator_to_reboot_and_changes_nothing()
        {
            NewNode();
            Assert.AreEqual(CommandProcessor.Reboot, Send("reboot", ""));
            Assert.AreEqual("command reboot accepted: rebooting", s_processor.LastLogLine);
            Assert.AreEqual(0, s_counters.CommandErrors);
            Assert.AreEqual(60, s_processor.IntervalSeconds);
        }

        [TestMethod]
        public void Ping_and_diagnostics_make_diagnostics_due()
        {
            NewNode();
            Assert.IsFalse(s_counters.IsDue);
            Assert.AreEqual(CommandProcessor.Ping, Send("ping", ""));
            Assert.IsTrue(s_counters.IsDue);
            s_counters.MarkPublished();
            Assert.AreEqual(CommandProcessor.Diagnostics, Send("diagnostics", "{}"));
            Assert.IsTrue(s_counters.IsDue);
        }

        [TestMethod]
        public void Interval_is_applied_persisted_and_logged()
        {
            NewNode();
            Assert.AreEqual(CommandProcessor.Settings, Send("interval", "300"));

            Assert.AreEqual(300, s_processor.IntervalSeconds);
            Assert.AreEqual(1, s_processor.BatchSize);
            Assert.AreEqual("command interval accepted: interval 300 s (persisted)", s_processor.LastLogLine);
            Assert.AreEqual(1, s_store.Writes);
        }

        [TestMethod]
        public void Accepted_settings_survive_a_reboot()
        {
            NewNode();
            Send("interval", "300");
            Send("batch", "[{\"variable\":\"batch\",\"value\":25}]");

            CommandProcessor afterReboot = Create(s_store, Fingerprint, 60, 1, s_counters);
            Assert.AreEqual("applied", afterReboot.Load());
            Assert.AreEqual(300, afterReboot.IntervalSeconds);
            Assert.AreEqual(25, afterReboot.BatchSize);
        }

        [TestMethod]
        public void A_refused_command_is_counted_logged_once_and_changes_nothing()
        {
            NewNode();
            Send("interval", "120");
            int writes = s_store.Writes;

            Assert.AreEqual(CommandProcessor.Refused, Send("interval", "5"));
            Assert.AreEqual("command interval refused: 5 s is below the minimum of 12 s", s_processor.LastLogLine);
            Assert.AreEqual(1, s_counters.CommandErrors);
            Assert.AreEqual(120, s_processor.IntervalSeconds);
            Assert.AreEqual(writes, s_store.Writes);
        }

        [TestMethod]
        public void A_valid_interval_with_an_invalid_batch_applies_neither()
        {
            NewNode();
            int outcome = Send("interval",
                "[{\"variable\":\"interval\",\"value\":600},{\"variable\":\"batch\",\"value\":500}]");

            Assert.AreEqual(CommandProcessor.Refused, outcome);
            Assert.AreEqual("command interval refused: 500 is out of range (interval 12…86400 s, batch 1…100)", s_processor.LastLogLine);
            Assert.AreEqual(60, s_processor.IntervalSeconds);
            Assert.AreEqual(1, s_processor.BatchSize);
            Assert.IsNull(s_store.Record);
        }

        [TestMethod]
        public void Interval_and_batch_in_one_array_are_applied_together()
        {
            NewNode();
            Assert.AreEqual(CommandProcessor.Settings, Send("batch",
                "[{\"variable\":\"batch\",\"value\":10},{\"variable\":\"interval\",\"value\":\"900\"}]"));
            Assert.AreEqual(900, s_processor.IntervalSeconds);
            Assert.AreEqual(10, s_processor.BatchSize);
            Assert.AreEqual("command batch accepted: interval 900 s batch 10 (persisted)", s_processor.LastLogLine);
        }

        [TestMethod]
        public void A_storage_failure_keeps_the_setting_until_reboot_and_says_so()
        {
            NewNode();
            s_store.FailWrites = true;

            Assert.AreEqual(CommandProcessor.Settings, Send("batch", "50"));
            Assert.AreEqual(50, s_processor.BatchSize);
            Assert.AreEqual("command batch accepted: batch 50 (NOT persisted: storage error; reverts at reboot)", s_processor.LastLogLine);
            Assert.AreEqual(0, s_counters.CommandErrors);
        }

        [TestMethod]
        [DataRow("commands/node-1/bogus", "1", "command (unknown) refused: unknown command (expected reboot, ping, interval, batch or diagnostics)")]
        [DataRow("elsewhere/x", "1", "command (unknown) refused: topic is not one level below the command prefix")]
        [DataRow("commands/node-1/batch", "{", "command batch refused: payload is not well-formed JSON")]
        [DataRow("commands/node-1/batch", "101", "command batch refused: 101 is out of range (interval 12…86400 s, batch 1…100)")]
        [DataRow("commands/node-1/batch", "1.5", "command batch refused: value must be an integer (e.g. 60 or \"60\")")]
        public void Refusals_produce_one_specific_log_line(string topic, string payload, string line)
        {
            NewNode();
            Assert.AreEqual(CommandProcessor.Refused, s_processor.Process(topic, TestUtf8.Bytes(payload)));
            Assert.AreEqual(line, s_processor.LastLogLine);
            Assert.AreEqual(1, s_counters.CommandErrors);
        }

        [TestMethod]
        public void A_null_payload_and_topic_are_refused_without_throwing()
        {
            NewNode();
            Assert.AreEqual(CommandProcessor.Refused, s_processor.Process(null, null));
            Assert.AreEqual(CommandProcessor.Refused, s_processor.Process(Prefix + "interval", null));
            Assert.AreEqual(2, s_counters.CommandErrors);
        }
    }
}
