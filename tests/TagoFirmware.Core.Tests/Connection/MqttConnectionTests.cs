using System.Threading;
using nanoFramework.TestFramework;
using TagoFirmware.Connection;
using TagoFirmware.Tests.Session;

namespace TagoFirmware.Tests.Connection
{
    [TestClass]
    public class MqttConnectionTests
    {
        private static FakeWorker _worker;
        private static FakeMqttConnection _link;
        private static SessionOptions _request;
        private static LinkEvent _event;

        private static void Fresh()
        {
            _worker = new FakeWorker();
            _link = new FakeMqttConnection(_worker, new FakeClock());
            _request = new SessionOptions();
            _event = new LinkEvent();
        }

        private static LinkEventKind Attempt()
        {
            Assert.IsTrue(_link.BeginConnect(_request));
            _worker.RunPending();
            Assert.IsTrue(_link.TryTakeEvent(_event));
            return _event.Kind;
        }

        [TestMethod]
        public void A_connect_runs_on_the_worker_and_reports_exactly_one_success()
        {
            Fresh();
            Assert.IsTrue(_link.BeginConnect(_request));
            Assert.IsFalse(_link.TryTakeEvent(_event), "nothing happens until the worker runs the attempt");
            _worker.RunPending();
            Assert.IsTrue(_link.TryTakeEvent(_event));
            Assert.AreEqual((int)LinkEventKind.ConnectSucceeded, (int)_event.Kind);
            Assert.IsFalse(_link.TryTakeEvent(_event));
            Assert.IsTrue(_link.IsConnected);
            Assert.AreEqual(7, _link.Publish("t", new byte[] { 1 }, 1));
            Assert.AreEqual(0, _link.Closed);
        }

        [TestMethod]
        public void No_attempt_starts_while_one_runs_its_outcome_waits_or_its_client_is_open()
        {
            Fresh();
            Assert.IsTrue(_link.BeginConnect(_request));
            Assert.IsFalse(_link.BeginConnect(_request), "running");
            _worker.RunPending();
            Assert.IsFalse(_link.BeginConnect(_request), "outcome not taken yet");
            _link.TryTakeEvent(_event);
            Assert.IsFalse(_link.BeginConnect(_request), "client still open");
            _link.Close();
            Assert.IsTrue(_link.BeginConnect(_request));
            Assert.AreEqual(2, _worker.Posts);
        }

        [TestMethod]
        public void A_refusal_returned_as_a_code_is_reported_and_its_client_closed()
        {
            Fresh();
            _link.NextCode = 5;
            Assert.AreEqual((int)LinkEventKind.ConnectRefused, (int)Attempt());
            Assert.AreEqual(5, _event.ReasonCode);
            Assert.AreEqual(1, _link.Closed, "M2Mqtt's receive thread spins unless the refused client is closed");
            Assert.IsFalse(_link.IsConnected);
        }

        [TestMethod]
        public void A_throwing_connect_carries_the_connack_code_the_library_raised_meanwhile()
        {
            Fresh();
            _link.NextError = (int)ConnectFailure.Communication;
            _link.ConnackEvent = 5;
            Assert.AreEqual((int)LinkEventKind.ConnectFailed, (int)Attempt());
            Assert.AreEqual(5, _event.ReasonCode, "the supervisor turns 5 into a credentials refusal");
            Assert.AreEqual((int)ConnectFailure.Communication, (int)_event.Failure);
            Assert.AreEqual(1, _link.Closed);
        }

        [TestMethod]
        public void A_client_that_cannot_be_created_is_a_dns_failure()
        {
            Fresh();
            _link.CreateThrows = true;
            Assert.AreEqual((int)LinkEventKind.ConnectFailed, (int)Attempt());
            Assert.AreEqual((int)ConnectFailure.Dns, (int)_event.Failure);
            Assert.AreEqual(-1, _event.ReasonCode);
        }

        [TestMethod]
        public void Close_during_the_dns_lookup_sends_no_connect_and_reports_a_timeout()
        {
            Fresh();
            _link.CreateGate = new ManualResetEvent(false);
            Assert.IsTrue(_link.BeginConnect(_request));
            Thread worker = new Thread(_worker.RunPending);
            worker.Start();
            Thread.Sleep(50);
            _link.Close();
            _link.CreateGate.Set();
            worker.Join();
            Assert.IsTrue(_link.TryTakeEvent(_event));
            Assert.AreEqual((int)LinkEventKind.ConnectFailed, (int)_event.Kind);
            Assert.AreEqual((int)ConnectFailure.Timeout, (int)_event.Failure);
            Assert.AreEqual(0, _link.ConnectCalls);
            Assert.IsFalse(_link.IsConnected);
            Assert.IsTrue(_link.Closed >= 1);
        }

        [TestMethod]
        public void Close_during_a_blocking_connect_turns_its_late_success_into_a_timeout_and_closes_the_client()
        {
            Fresh();
            _link.ConnectGate = new ManualResetEvent(false);
            Assert.IsTrue(_link.BeginConnect(_request));
            Thread worker = new Thread(_worker.RunPending);
            worker.Start();
            Thread.Sleep(50);
            _link.Close();
            Assert.IsFalse(_link.TryTakeEvent(_event), "still blocked in Connect");
            _link.ConnectGate.Set();
            worker.Join();
            Assert.IsTrue(_link.TryTakeEvent(_event));
            Assert.AreEqual((int)LinkEventKind.ConnectFailed, (int)_event.Kind);
            Assert.AreEqual((int)ConnectFailure.Timeout, (int)_event.Failure);
            Assert.IsFalse(_link.IsConnected);
            Assert.IsTrue(_link.Closed >= 1);
        }

        [TestMethod]
        public void Events_of_a_replaced_client_are_ignored()
        {
            Fresh();
            Attempt();
            object old = _link.LastClient;
            _link.Close();
            Attempt();
            _link.RaiseClosed(old);
            _link.RaisePublished(old, 3, true);
            _link.RaiseMessage(old, "commands/x");
            Assert.IsFalse(_link.TryTakeEvent(_event));
            _link.RaisePublished(_link.LastClient, 4, true);
            _link.RaiseClosed(_link.LastClient);
            _link.RaiseClosed(_link.LastClient);
            Assert.IsTrue(_link.TryTakeEvent(_event));
            Assert.AreEqual((int)LinkEventKind.PublishAcked, (int)_event.Kind);
            Assert.AreEqual(4, _event.MessageId);
            Assert.IsTrue(_link.TryTakeEvent(_event));
            Assert.AreEqual((int)LinkEventKind.Closed, (int)_event.Kind);
            Assert.IsFalse(_link.TryTakeEvent(_event), "one Closed per session");
        }

        [TestMethod]
        public void Publish_is_refused_offline_and_a_throwing_library_is_a_rejection()
        {
            Fresh();
            Assert.AreEqual(ConnectionSupervisor.NotOnline, _link.Publish("t", new byte[] { 1 }, 1));
            Assert.AreEqual(ConnectionSupervisor.Rejected, _link.Publish("t", new byte[0], 1));
            Attempt();
            _link.LibraryConnected = false;
            Assert.AreEqual(ConnectionSupervisor.NotOnline, _link.Publish("t", new byte[] { 1 }, 1));
            _link.LibraryConnected = true;
            _link.PublishThrows = true;
            Assert.AreEqual(ConnectionSupervisor.Rejected, _link.Publish("t", new byte[] { 1 }, 1));
            Assert.AreEqual(8, _link.Subscribe("commands/+", 1));
        }

        [TestMethod]
        public void Disconnect_sends_disconnect_then_closes()
        {
            Fresh();
            _link.Disconnect();
            Assert.AreEqual(0, _link.Disconnected, "nothing to disconnect");
            Attempt();
            _link.Disconnect();
            Assert.AreEqual(1, _link.Disconnected);
            Assert.AreEqual(1, _link.Closed);
            Assert.IsFalse(_link.IsConnected);
        }

        [TestMethod]
        public void Three_closes_after_connect_without_connack_in_a_row_mean_a_probable_token_refusal()
        {
            Fresh();
            _link.NextError = (int)ConnectFailure.Communication;
            Attempt();
            Assert.AreEqual((int)ConnectFailure.Communication, (int)_event.Failure);
            Attempt();
            Assert.AreEqual((int)ConnectFailure.Communication, (int)_event.Failure);
            Attempt();
            Assert.AreEqual((int)ConnectFailure.ProbableAuthRefusal, (int)_event.Failure);
            Attempt();
            Assert.AreEqual((int)ConnectFailure.ProbableAuthRefusal, (int)_event.Failure, "stays until something else happens");
        }

        [TestMethod]
        public void Any_other_outcome_breaks_the_run_of_closes_without_connack()
        {
            Fresh();
            _link.NextError = (int)ConnectFailure.Communication;
            Attempt();
            Attempt();
            _link.NextError = (int)ConnectFailure.Network;
            _link.NextSocketCode = 111;
            Attempt();
            Assert.AreEqual((int)ConnectFailure.Network, (int)_event.Failure);
            _link.NextError = (int)ConnectFailure.Communication;
            Attempt();
            Attempt();
            Assert.AreEqual((int)ConnectFailure.Communication, (int)_event.Failure);
            _link.NextError = FakeMqttConnection.NoThrow;
            Attempt();
            _link.Close();
            _link.NextError = (int)ConnectFailure.Communication;
            Attempt();
            Attempt();
            Assert.AreEqual((int)ConnectFailure.Communication, (int)_event.Failure);
        }

        [TestMethod]
        public void A_closed_exchange_after_the_connack_wait_ran_out_is_a_timeout_not_a_close()
        {
            Fresh();
            _link.NextError = (int)ConnectFailure.Communication;
            _link.ConnectTakesMs = 30000;
            Attempt();
            Attempt();
            Attempt();
            Assert.AreEqual((int)ConnectFailure.Timeout, (int)_event.Failure);
        }

        [TestMethod]
        public void A_tls_failure_is_explained_in_the_log_when_its_outcome_is_taken()
        {
            Fresh();
            FakeLog log = new FakeLog();
            _link.Log = log;
            _link.NextError = (int)ConnectFailure.Network;
            _link.NextSocketCode = -0x2700;
            Assert.IsTrue(_link.BeginConnect(_request));
            _worker.RunPending();
            Assert.AreEqual(0, log.Lines.Count, "nothing is logged from the worker thread");
            _link.TryTakeEvent(_event);
            Assert.AreEqual((int)ConnectFailure.Tls, (int)_event.Failure);
            Assert.AreEqual(1, log.CountContaining("-0x2700: cert not trusted"));
        }
    }
}
