using nanoFramework.TestFramework;
using TagoFirmware.Connection;
using TagoFirmware.Tests.Session;

namespace TagoFirmware.Tests.Connection
{
    [TestClass]
    public class WifiConnectionTests
    {
        private static FakeWorker _worker;
        private static FakeClock _clock;
        private static FakeWifiConnection _wifi;

        private static void Fresh()
        {
            _worker = new FakeWorker();
            _clock = new FakeClock();
            _wifi = new FakeWifiConnection(_worker, _clock);
        }

        private static NetworkConnectResult Attempt(NetworkConnectResult outcome)
        {
            _wifi.NextResult = outcome;
            Assert.IsTrue(_wifi.BeginConnect(10000));
            Assert.AreEqual((int)NetworkConnectResult.Pending, (int)_wifi.TakeConnectResult());
            _worker.RunPending();
            return _wifi.TakeConnectResult();
        }

        // J = full join with credentials, R = wait for the driver's own re-join; c = connected, f = failed, t = timed out.
        [TestMethod]
        [DataRow("f", "J")]
        [DataRow("ff", "JJ")]
        [DataRow("cf", "JR")]
        [DataRow("cff", "JRR")]
        [DataRow("cfff", "JRRJ")]
        [DataRow("cffff", "JRRJR")]
        [DataRow("cfc", "JRR")]
        [DataRow("cfcf", "JRRR")]
        [DataRow("cfcff", "JRRRR")]
        [DataRow("cfcfff", "JRRRRJ")]
        [DataRow("ctttt", "JRRJR")]
        public void Joins_fully_until_one_succeeds_then_waits_for_the_driver_twice_before_joining_again(string outcomes, string joins)
        {
            Fresh();
            for (int i = 0; i < outcomes.Length; i++)
            {
                NetworkConnectResult outcome = outcomes[i] == 'c' ? NetworkConnectResult.Connected
                    : outcomes[i] == 't' ? NetworkConnectResult.TimedOut : NetworkConnectResult.Failed;
                Assert.AreEqual((int)outcome, (int)Attempt(outcome));
            }

            Assert.AreEqual(joins, _wifi.Joins);
        }

        [TestMethod]
        public void A_reconnect_that_succeeds_does_not_count_as_a_fresh_join()
        {
            Fresh();
            Attempt(NetworkConnectResult.Failed);
            Assert.AreEqual("J", _wifi.Joins, "never joined: no reconnect yet");
        }

        [TestMethod]
        public void The_outcome_is_reported_once_then_none()
        {
            Fresh();
            Assert.AreEqual((int)NetworkConnectResult.None, (int)_wifi.TakeConnectResult());
            Assert.AreEqual((int)NetworkConnectResult.Connected, (int)Attempt(NetworkConnectResult.Connected));
            Assert.AreEqual((int)NetworkConnectResult.None, (int)_wifi.TakeConnectResult());
        }

        [TestMethod]
        public void A_second_attempt_waits_for_the_first_outcome_to_be_taken()
        {
            Fresh();
            Assert.IsTrue(_wifi.BeginConnect(5000));
            Assert.IsFalse(_wifi.BeginConnect(5000));
            _worker.RunPending();
            Assert.IsFalse(_wifi.BeginConnect(5000));
            _wifi.TakeConnectResult();
            Assert.IsTrue(_wifi.BeginConnect(5000));
        }

        [TestMethod]
        public void A_throwing_driver_is_a_failed_attempt_and_the_deadline_reaches_the_driver()
        {
            Fresh();
            _wifi.Throws = true;
            Assert.IsTrue(_wifi.BeginConnect(10));
            _worker.RunPending();
            Assert.AreEqual((int)NetworkConnectResult.Failed, (int)_wifi.TakeConnectResult());
            Assert.AreEqual(10, _wifi.LastTimeoutMs);
        }

        [TestMethod]
        public void The_address_is_read_at_most_once_a_second_and_a_connect_marks_the_link_up_at_once()
        {
            Fresh();
            Assert.IsFalse(_wifi.IsUp);
            Assert.IsFalse(_wifi.IsUp);
            Assert.AreEqual(1, _wifi.AddressReads);
            _clock.NowMs += WifiConnection.IsUpRefreshMs;
            _wifi.Address = true;
            Assert.IsTrue(_wifi.IsUp);
            Assert.AreEqual(2, _wifi.AddressReads);
            _wifi.Address = false;
            _clock.NowMs += WifiConnection.IsUpRefreshMs;
            Assert.IsFalse(_wifi.IsUp);
            Attempt(NetworkConnectResult.Connected);
            Assert.IsTrue(_wifi.IsUp, "the connect outcome is fresher than the last read");
        }
    }
}
