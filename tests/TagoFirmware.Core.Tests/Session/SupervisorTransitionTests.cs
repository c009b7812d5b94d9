using nanoFramework.TestFramework;
using TagoFirmware.Connection;

namespace TagoFirmware.Tests.Session
{
    [TestClass]
    public class SupervisorTransitionTests
    {
        [TestMethod]
        public void First_step_starts_a_wifi_attempt_with_the_configured_deadline()
        {
            SessionRig rig = new SessionRig();
            rig.Options.WifiConnectTimeoutMs = 20000;
            rig.Build();
            rig.StepNow();
            Assert.AreEqual((int)SessionState.WifiConnecting, (int)rig.Supervisor.State);
            Assert.AreEqual(1, rig.Network.BeginCalls);
            Assert.AreEqual(20000, rig.Network.LastTimeoutMs);
            Assert.AreEqual((int)NodeStatus.NoWifi, (int)rig.Status.Last);
        }

        [TestMethod]
        public void Wifi_up_with_a_valid_clock_goes_to_mqtt_connecting_and_online()
        {
            SessionRig rig = new SessionRig();
            rig.Build();
            Assert.IsTrue(rig.RunUntil(SessionState.MqttConnecting, 10000));
            Assert.AreEqual(1, rig.Log.CountContaining("wifi up"));
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 5000));
            Assert.AreEqual(1, rig.Log.CountContaining("mqtt connected -> Online"));
            Assert.AreEqual((int)NodeStatus.Online, (int)rig.Status.Last);
        }

        [TestMethod]
        public void The_led_is_switched_once_per_status_change_not_on_every_step()
        {
            SessionRig rig = new SessionRig();
            rig.Build();
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 15000));
            Assert.AreEqual(3, rig.Status.Changes); // NoWifi, NoBroker, Online
            rig.Run(60000);
            Assert.AreEqual(3, rig.Status.Changes);
            Assert.AreEqual((int)NodeStatus.Online, (int)rig.Status.Last);
        }

        [TestMethod]
        public void Unset_clock_waits_in_clock_wait_without_any_connect_attempt()
        {
            SessionRig rig = new SessionRig();
            rig.Clock.Wall = FakeClock.UnsetTime;
            rig.Build();
            rig.Run(120000);
            Assert.AreEqual((int)SessionState.ClockWait, (int)rig.Supervisor.State);
            Assert.AreEqual(0, rig.Mqtt.BeginCalls);
            Assert.AreEqual((int)NodeStatus.NoClock, (int)rig.Status.Last);
            // One request on entry, then one per resync interval (60 s) while waiting.
            Assert.IsTrue(rig.TimeSync.Requests >= 2);
            Assert.IsTrue(rig.TimeSync.Requests <= 3);
        }

        [TestMethod]
        public void Clock_that_becomes_valid_starts_the_mqtt_connect()
        {
            SessionRig rig = new SessionRig();
            rig.Clock.Wall = FakeClock.UnsetTime;
            rig.Build();
            rig.Run(10000);
            rig.Clock.Wall = FakeClock.ValidTime;
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 5000));
            Assert.AreEqual(1, rig.Mqtt.BeginCalls);
            Assert.AreEqual(1, rig.Log.CountContaining("clock valid"));
        }

        [TestMethod]
        public void Connect_subscribes_commands_and_publishes_online_before_telling_the_listener()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            Assert.AreEqual(1, rig.Reports.OnlineCount);
            Assert.AreEqual(1, rig.Mqtt.Subscriptions.Count);
            Assert.AreEqual("commands/" + SessionRig.ClientId + "/+", (string)rig.Mqtt.Subscriptions[0]);
            PublishRecord status = (PublishRecord)rig.Mqtt.Publishes[0];
            Assert.AreEqual("device/status/" + SessionRig.ClientId, status.Topic);
            Assert.AreEqual(1, status.Qos);
            Assert.AreEqual(UplinkTransport.OnlineMessage.Length, status.Payload.Length);
            Assert.AreEqual((byte)'[', status.Payload[0]);
        }

        [TestMethod]
        public void Connect_request_carries_token_credentials_keepalive_and_the_offline_will()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            SessionOptions r = rig.Mqtt.LastRequest;
            Assert.AreEqual("mqtt.tago.io", r.Host);
            Assert.AreEqual(8883, r.Port);
            Assert.IsTrue(r.UseTls);
            Assert.AreEqual("Token", r.Username);
            Assert.AreEqual(SessionRig.Token, r.Password);
            Assert.AreEqual(SessionRig.ClientId, r.ClientId);
            Assert.AreEqual(60, r.KeepAliveSeconds);
            Assert.AreEqual("device/status/" + SessionRig.ClientId, r.WillTopic);
            Assert.AreEqual("[{\"variable\":\"device_status\",\"value\":\"offline\"}]", r.WillMessage);
        }

        [TestMethod]
        public void Wifi_failure_backs_off_then_retries_wifi()
        {
            SessionRig rig = new SessionRig();
            rig.Network.NextOutcome = NetworkConnectResult.Failed;
            rig.Build();
            Assert.IsTrue(rig.RunUntil(SessionState.Backoff, 10000));
            Assert.AreEqual(1, rig.Log.CountContaining("wifi failed: no IP address"));
            Assert.AreEqual((int)NodeStatus.NoWifi, (int)rig.Status.Last);
            rig.Network.NextOutcome = NetworkConnectResult.Connected;
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 10000));
            Assert.AreEqual(2, rig.Network.BeginCalls);
        }

        [TestMethod]
        public void Wifi_attempt_without_an_outcome_is_abandoned_at_its_deadline()
        {
            SessionRig rig = new SessionRig();
            rig.Options.WifiConnectTimeoutMs = 10000;
            rig.Network.ConnectDelayMs = 1000000;
            rig.Build();
            rig.StepNow();
            rig.Run(10000 + ConnectionSupervisor.WifiDeadlineGraceMs - 100);
            Assert.AreEqual((int)SessionState.WifiConnecting, (int)rig.Supervisor.State);
            rig.Run(200);
            Assert.AreEqual((int)SessionState.Backoff, (int)rig.Supervisor.State);
            Assert.AreEqual(1, rig.Log.CountContaining("wifi failed: no outcome by the deadline"));
        }

        [TestMethod]
        public void Wifi_lost_while_online_drops_to_wifi_down_and_reports_offline()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            rig.Network.Drop();
            rig.Network.NextOutcome = NetworkConnectResult.Failed;
            rig.StepNow();
            Assert.AreEqual(1, rig.Log.CountContaining("wifi lost"));
            Assert.AreEqual(1, rig.Reports.OfflineCount);
            Assert.IsTrue(rig.Mqtt.CloseCalls >= 1);
            Assert.AreEqual((int)NodeStatus.NoWifi, (int)rig.Status.Last);
            Assert.IsTrue(rig.RunUntil(SessionState.Backoff, 10000));
            Assert.AreEqual(1, rig.Log.CountContaining("(wifi attempt 1,"));
            rig.Network.NextOutcome = NetworkConnectResult.Connected;
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 60000));
        }

        [TestMethod]
        public void Broker_drop_falls_back_to_the_mqtt_layer_only()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            int wifiAttempts = rig.Network.BeginCalls;
            rig.Mqtt.DropConnection();
            rig.StepNow();
            Assert.AreEqual((int)SessionState.Backoff, (int)rig.Supervisor.State);
            Assert.AreEqual((int)NodeStatus.NoBroker, (int)rig.Status.Last);
            Assert.AreEqual(1, rig.Reports.OfflineCount);
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 5000));
            Assert.AreEqual(wifiAttempts, rig.Network.BeginCalls);
            Assert.AreEqual(2, rig.Mqtt.BeginCalls);
            Assert.AreEqual(1, rig.Supervisor.Reconnects);
            Assert.AreEqual(2, rig.Reports.OnlineCount);
            // Clean session: the command subscription is made again.
            Assert.AreEqual(2, rig.Mqtt.Subscriptions.Count);
        }

        [TestMethod]
        public void Silent_loss_of_the_client_connection_is_noticed_through_is_connected()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            rig.Mqtt.LoseConnectionSilently();
            rig.StepNow();
            Assert.AreEqual((int)SessionState.Backoff, (int)rig.Supervisor.State);
            Assert.AreEqual(1, rig.Log.CountContaining("mqtt connection lost"));
        }

        [TestMethod]
        public void Tls_failure_backs_off_and_is_logged_as_a_certificate_problem()
        {
            SessionRig rig = new SessionRig();
            rig.Mqtt.Behaviour = ConnectBehaviour.FailTls;
            rig.Build();
            Assert.IsTrue(rig.RunUntil(SessionState.Backoff, 10000));
            Assert.AreEqual(1, rig.Log.CountContaining("mqtt connect failed: tls/certificate"));
            Assert.AreEqual(1, rig.Mqtt.CloseCalls);
            rig.Mqtt.Behaviour = ConnectBehaviour.Accept;
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 10000));
        }

        [TestMethod]
        public void Every_failed_connect_is_followed_by_close()
        {
            SessionRig rig = new SessionRig();
            rig.Mqtt.Behaviour = ConnectBehaviour.FailNetwork;
            rig.Build();
            rig.Run(120000);
            Assert.IsTrue(rig.Mqtt.BeginCalls >= 5);
            Assert.AreEqual(rig.Mqtt.BeginCalls, rig.Mqtt.CloseCalls);
        }

        [TestMethod]
        public void Publish_is_refused_until_online_and_after_going_offline()
        {
            SessionRig rig = new SessionRig();
            rig.Build();
            Assert.AreEqual(ConnectionSupervisor.NotOnline, rig.Supervisor.PublishData(new byte[] { 1 }));
            rig.RunUntil(SessionState.Online, 60000);
            int id = rig.Supervisor.PublishData(new byte[] { 1, 2 });
            Assert.IsTrue(id >= 0);
            Assert.AreEqual("sensors/" + SessionRig.ClientId + "/data", rig.Mqtt.LastPublish.Topic);
            rig.Mqtt.DropConnection();
            rig.StepNow();
            Assert.AreEqual(ConnectionSupervisor.NotOnline, rig.Supervisor.PublishData(new byte[] { 1 }));
        }

        [TestMethod]
        public void Acked_publish_is_reported_to_the_listener_and_the_status_publish_is_not()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            int id = rig.Supervisor.PublishData(new byte[] { 1 });
            rig.Run(1000);
            Assert.AreEqual(1, rig.Reports.Acked.Count);
            Assert.AreEqual(id, (int)rig.Reports.Acked[0]);
        }

        [TestMethod]
        public void In_flight_limit_refuses_further_qos1_publishes_until_an_ack()
        {
            SessionRig rig = new SessionRig();
            rig.Options.MaxInFlight = 2;
            rig.BringOnline();
            rig.Run(500);
            rig.Mqtt.AcksPublishes = false;
            Assert.IsTrue(rig.Supervisor.PublishData(new byte[] { 1 }) >= 0);
            Assert.IsTrue(rig.Supervisor.PublishData(new byte[] { 2 }) >= 0);
            Assert.AreEqual(ConnectionSupervisor.TooManyInFlight, rig.Supervisor.PublishData(new byte[] { 3 }));
        }

        [TestMethod]
        public void Downlink_messages_are_reported_while_online()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            rig.Mqtt.Deliver("commands/" + SessionRig.ClientId + "/interval", new byte[] { 0x36, 0x30 });
            rig.StepNow();
            Assert.AreEqual(1, rig.Reports.MessageTopics.Count);
            Assert.AreEqual("commands/" + SessionRig.ClientId + "/interval", (string)rig.Reports.MessageTopics[0]);
        }

        [TestMethod]
        public void Publish_given_up_by_the_client_is_lost_and_drops_the_link()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            rig.Mqtt.AcksPublishes = false;
            int id = rig.Supervisor.PublishData(new byte[] { 1 });
            rig.Mqtt.FailPublish(id);
            rig.StepNow();
            Assert.AreEqual(1, rig.Reports.Lost.Count);
            Assert.AreEqual(id, (int)rig.Reports.Lost[0]);
            Assert.AreEqual((int)SessionState.Backoff, (int)rig.Supervisor.State);
        }

        [TestMethod]
        public void Stop_publishes_the_offline_status_and_disconnects_once_it_is_acknowledged()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            rig.Supervisor.Stop(rig.Clock.NowMs, true);
            Assert.AreEqual((int)SessionState.Stopping, (int)rig.Supervisor.State);
            Assert.AreEqual("device/status/" + SessionRig.ClientId, rig.Mqtt.LastPublish.Topic);
            Assert.AreEqual(UplinkTransport.OfflineMessage, System.Text.Encoding.UTF8.GetString(rig.Mqtt.LastPublish.Payload, 0, rig.Mqtt.LastPublish.Payload.Length));
            Assert.AreEqual(0, rig.Mqtt.DisconnectCalls);
            rig.Run(200);
            Assert.AreEqual((int)SessionState.Stopped, (int)rig.Supervisor.State);
            Assert.AreEqual(1, rig.Mqtt.DisconnectCalls);
            Assert.AreEqual(rig.Mqtt.Publishes.Count, rig.Mqtt.PublishesAtDisconnect);
            int begins = rig.Mqtt.BeginCalls;
            rig.Run(60000);
            Assert.AreEqual(begins, rig.Mqtt.BeginCalls);
        }

        [TestMethod]
        public void Stop_disconnects_after_a_short_wait_when_the_offline_status_is_never_acknowledged()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            rig.Mqtt.AcksPublishes = false;
            rig.Supervisor.Stop(rig.Clock.NowMs, true);
            rig.Run(ConnectionSupervisor.StopAckWaitMs - 200);
            Assert.AreEqual(0, rig.Mqtt.DisconnectCalls);
            rig.Run(300);
            Assert.AreEqual(1, rig.Mqtt.DisconnectCalls);
            Assert.IsTrue(rig.Supervisor.IsStopped);
        }

        [TestMethod]
        public void Stop_without_announcement_disconnects_at_once()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            int publishes = rig.Mqtt.Publishes.Count;
            rig.Supervisor.Stop(rig.Clock.NowMs, false);
            Assert.AreEqual((int)SessionState.Stopped, (int)rig.Supervisor.State);
            Assert.AreEqual(publishes, rig.Mqtt.Publishes.Count);
            Assert.AreEqual(1, rig.Mqtt.DisconnectCalls);
        }

        [TestMethod]
        public void Idle_online_connection_is_not_due_until_an_event_arrives()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            rig.Run(61000, 1000);
            Assert.AreEqual(long.MaxValue, rig.Supervisor.NextDueMs);
            rig.Network.Up = false;
            rig.StepNow();
            Assert.AreEqual((int)SessionState.Online, (int)rig.Supervisor.State);
            Assert.AreEqual(0, rig.Log.CountContaining("wifi lost"));
            rig.Mqtt.NetworkLost();
            rig.StepNow();
            Assert.AreEqual(1, rig.Log.CountContaining("wifi lost"));
            Assert.IsFalse(rig.Supervisor.IsOnline);
        }
    }
}
