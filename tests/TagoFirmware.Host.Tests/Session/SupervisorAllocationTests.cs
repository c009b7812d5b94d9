using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Connection;

namespace TagoFirmware.Host.Tests.Session
{
    /// <summary>The publish → PUBACK → step cycle is a hot path: it must allocate nothing in the supervisor.</summary>
    [TestClass]
    public sealed class SupervisorAllocationTests
    {
        [TestMethod]
        public void Publish_ack_and_step_allocate_nothing_once_online()
        {
            FleetSimulation fleet = new FleetSimulation(1);
            fleet.Run(2000, 100);
            ConnectionSupervisor node = fleet.Nodes[0];
            Assert.AreEqual(SessionState.Online, node.State);
            byte[] payload = new byte[64];
            long now = fleet.Clock.NowMs;

            // Warm up (JIT, first-call paths), then measure.
            for (int i = 0; i < 100; i++)
            {
                Assert.IsTrue(node.PublishData(payload) >= 0);
                now += 100;
                fleet.Clock.NowMs = now;
                node.Step(now);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10000; i++)
            {
                node.PublishData(payload);
                now += 100;
                fleet.Clock.NowMs = now;
                node.Step(now);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            // Any per-cycle allocation would cost at least 24 bytes × 10000. A few bytes once can come from the runtime
            // itself (tiered JIT promotion happens during the loop in Release), so allow a small fixed amount.
            Assert.IsTrue(allocated <= 256, $"{allocated} bytes allocated over 10000 publish/ack/step cycles");
            Assert.AreEqual(SessionState.Online, node.State, "every publish acked: no dead link");
        }
    }
}
