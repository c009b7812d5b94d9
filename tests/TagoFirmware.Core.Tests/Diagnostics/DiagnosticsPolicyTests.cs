using nanoFramework.TestFramework;
using TagoFirmware.Diagnostics;

namespace TagoFirmware.Tests.Diagnostics
{
    [TestClass]
    public class DiagnosticsPolicyTests
    {
        [TestMethod]
        public void Diagnostics_are_due_once_at_boot()
        {
            DiagnosticsPolicy policy = new DiagnosticsPolicy(60);
            Assert.IsTrue(policy.IsDue);
            policy.MarkPublished();
            Assert.IsFalse(policy.IsDue);
        }

        [TestMethod]
        public void Diagnostics_are_due_after_every_n_payloads()
        {
            DiagnosticsPolicy policy = new DiagnosticsPolicy(3);
            policy.MarkPublished();
            policy.OnPayloadPublished();
            policy.OnPayloadPublished();
            Assert.IsFalse(policy.IsDue);
            policy.OnPayloadPublished();
            Assert.IsTrue(policy.IsDue);
            policy.MarkPublished();
            Assert.IsFalse(policy.IsDue);
        }

        [TestMethod]
        public void A_request_makes_diagnostics_due_at_once()
        {
            DiagnosticsPolicy policy = new DiagnosticsPolicy(1000);
            policy.MarkPublished();
            policy.Request();
            Assert.IsTrue(policy.IsDue);
        }

        [TestMethod]
        public void A_zero_cadence_publishes_only_on_request()
        {
            DiagnosticsPolicy policy = new DiagnosticsPolicy(0);
            policy.MarkPublished();
            for (int i = 0; i < 500; i++)
            {
                policy.OnPayloadPublished();
            }

            Assert.IsFalse(policy.IsDue);
            policy.Request();
            Assert.IsTrue(policy.IsDue);
        }
    }
}
