using nanoFramework.TestFramework;

namespace TagoFirmware.Tests.Node
{
    /// <summary>The node on a storage that fills up and comes back: it keeps publishing from RAM, says so once,
    /// counts the failures in diagnostics and does not send acknowledged readings again after a restart.</summary>
    [TestClass]
    public class NodeStorageTests
    {
        [TestMethod]
        public void A_full_store_is_logged_once_counted_in_diagnostics_and_acknowledged_readings_stay_sent_after_a_restart()
        {
            NodeRig rig = new NodeRig();
            rig.Build();
            rig.Run(40000);
            int payloadsBefore = rig.DataPayloads().Count;
            Assert.IsTrue(payloadsBefore >= 1);

            rig.Store.Full = true;
            rig.Run(120000);

            Assert.IsTrue(rig.DataPayloads().Count >= payloadsBefore + 2, "publishing goes on from RAM");
            Assert.AreEqual(1, rig.Log.CountContaining("storage write failed"));
            Assert.AreEqual(1, rig.Log.CountContaining("running from RAM"));
            Assert.IsTrue(rig.Node.Queue.UnsavedAcks > 0);
            rig.Command("ping", "");
            rig.Run(2000);
            string diagnostics = NodeRig.Join(rig.DiagnosticsPayloads());
            Assert.IsTrue(diagnostics.IndexOf("\"variable\":\"store_errors\"") > 0, diagnostics);
            Assert.IsTrue(diagnostics.IndexOf("\"variable\":\"unsaved_acks\"") > 0, diagnostics);

            rig.Store.Full = false;
            rig.Run(5500);
            Assert.AreEqual(1, rig.Log.CountContaining("storage works again"));
            int queued = rig.Node.Queue.Count;

            rig.Build();
            Assert.AreEqual(queued, rig.Node.Queue.Count, "only the readings not yet acknowledged come back");
        }

        [TestMethod]
        public void A_read_only_store_is_named_so_and_its_backlog_is_published()
        {
            NodeRig rig = new NodeRig();
            rig.BrokerUp = false;
            rig.Build();
            rig.Run(60000);
            int backlog = rig.Node.Queue.Count;
            Assert.IsTrue(backlog >= 6);

            rig.Store.CanWrite = false;
            rig.BrokerUp = true;
            rig.Build();
            Assert.AreEqual(1, rig.Log.CountContaining("queue: storage read-only, sending from RAM, " + backlog.ToString() + " readings restored"));
            Assert.AreEqual(0, rig.Log.CountContaining("unreadable"));
            rig.Run(30000);

            string all = NodeRig.Join(rig.DataPayloads());
            Assert.IsTrue(NodeRig.Count(all, "\"variable\":\"temperature\"") >= backlog / 2, "the backlog is published: " + all);
        }
    }
}
