using nanoFramework.TestFramework;
using TagoFirmware.Session;

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
            Assert.AreEqual(1, rig.Listener.OnlineCount);
            Assert.AreEqual(1, rig.Mqtt.Subscriptions.Count);
            Assert.AreEqual("commands/" + SessionRig.ClientId + "/+", (string)rig.Mqtt.Subscriptions[0]);
            PublishRecord status = (PublishRecord)rig.Mqtt.Publishes[0];
            Assert.AreEqual("device/status/" + SessionRig.ClientId, status.Topic);
            Assert.AreEqual(1, status.Qos);
            Assert.AreEqual(TagoMqttJsonTransport.OnlineMessage.Length, status.Payload.Length);
            Assert.AreEqual((byte)'[', status.Payload[0]);
        }

        [TestMethod]
        public void Connect_request_carries_token_credentials_keepalive_and_a_qos1_unretained_will()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            MqttConnectRequest r = rig.Mqtt.LastRequest;
            Assert.AreEqual("mqtt.tago.io", r.Host);
            Assert.AreEqual(8883, r.Port);
            Assert.IsTrue(r.UseTls);
            Assert.AreEqual("Token", r.Username);
            Assert.AreEqual(SessionRig.Token, r.Password);
            Assert.AreEqual(SessionRig.ClientId, r.ClientId);
            Assert.AreEqual(60, r.KeepAliveSeconds);
            Assert.IsTrue(r.CleanSession);
            Assert.AreEqual("device/status/" + SessionRig.ClientId, r.WillTopic);
            Assert.AreEqual("[{\"variable\":\"device_status\",\"value\":\"offline\"}]", r.WillMessage);
            Assert.AreEqual(r.WillMessage.Length, r.WillPayload.Length);
            Assert.AreEqual(1, r.WillQos);
            Assert.IsFalse(r.WillRetain);
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
            rig.Run(10000 + NodeSupervisor.WifiDeadlineGraceMs - 100);
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
            rig.Network.Up = false;
            rig.Network.NextOutcome = NetworkConnectResult.Failed;
            rig.StepNow();
            Assert.AreEqual(1, rig.Log.CountContaining("wifi lost"));
            Assert.AreEqual(1, rig.Listener.OfflineCount);
            Assert.IsTrue(rig.Mqtt.CloseCalls >= 1);
            Assert.AreEqual((int)NodeStatus.NoWifi, (int)rig.Status.Last);
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
            Assert.AreEqual(1, rig.Listener.OfflineCount);
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 5000));
            Assert.AreEqual(wifiAttempts, rig.Network.BeginCalls);
            Assert.AreEqual(2, rig.Mqtt.BeginCalls);
            Assert.AreEqual(1, rig.Supervisor.Reconnects);
            Assert.AreEqual(2, rig.Listener.OnlineCount);
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
            Assert.AreEqual((int)ConnectFailure.Tls, (int)rig.Supervisor.LastConnectFailure);
            rig.Mqtt.Behaviour = ConnectBehaviour.Accept;
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 10000));
            Assert.AreEqual((int)ConnectFailure.None, (int)rig.Supervisor.LastConnectFailure);
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
        public void Invalid_config_never_connects_and_shows_config_invalid()
        {
            SessionRig rig = new SessionRig();
            rig.Options.ConfigValid = false;
            rig.Options.ConfigError = "config.json: wifi.ssid is missing";
            rig.Build();
            rig.Run(60000);
            Assert.AreEqual((int)SessionState.ConfigInvalid, (int)rig.Supervisor.State);
            Assert.AreEqual(0, rig.Network.BeginCalls);
            Assert.AreEqual(0, rig.Mqtt.BeginCalls);
            Assert.AreEqual((int)NodeStatus.ConfigInvalid, (int)rig.Status.Last);
            Assert.AreEqual(1, rig.Log.CountContaining("config invalid: config.json: wifi.ssid is missing"));
            Assert.IsTrue(rig.Listener.Steps >= 600);
        }

        [TestMethod]
        public void Qos_2_is_rejected_with_a_message_naming_tagoio()
        {
            SessionOptions options = new SessionOptions();
            options.Token = "t";
            options.ClientId = "c";
            options.Qos = 2;
            Assert.AreEqual("qos 2 is not supported by TagoIO (use 0 or 1)", options.Validate());
        }

        [TestMethod]
        public void Default_options_with_token_and_client_id_are_valid()
        {
            SessionOptions options = new SessionOptions();
            options.Token = "t";
            options.ClientId = "c";
            Assert.IsNull(options.Validate());
            options.Token = null;
            Assert.AreEqual("token is empty", options.Validate());
        }

        [TestMethod]
        public void Publish_is_refused_until_online_and_after_going_offline()
        {
            SessionRig rig = new SessionRig();
            rig.Build();
            Assert.AreEqual(PublishError.NotOnline, rig.Supervisor.PublishData(new byte[] { 1 }));
            rig.RunUntil(SessionState.Online, 60000);
            int id = rig.Supervisor.PublishData(new byte[] { 1, 2 });
            Assert.IsTrue(id >= 0);
            Assert.AreEqual("sensors/" + SessionRig.ClientId + "/data", rig.Mqtt.LastPublish.Topic);
            rig.Mqtt.DropConnection();
            rig.StepNow();
            Assert.AreEqual(PublishError.NotOnline, rig.Supervisor.PublishData(new byte[] { 1 }));
            Assert.AreEqual(PublishError.InvalidArgument, rig.Supervisor.Publish("t", null, 1));
            Assert.AreEqual(PublishError.InvalidArgument, rig.Supervisor.Publish("t", new byte[] { 1 }, 2));
        }

        [TestMethod]
        public void Acked_publish_is_reported_to_the_listener_and_the_status_publish_is_not()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            int id = rig.Supervisor.PublishData(new byte[] { 1 });
            rig.Run(1000);
            Assert.AreEqual(1, rig.Listener.Acked.Count);
            Assert.AreEqual(id, (int)rig.Listener.Acked[0]);
            Assert.AreEqual(0, rig.Supervisor.InFlightCount);
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
            Assert.AreEqual(PublishError.TooManyInFlight, rig.Supervisor.PublishData(new byte[] { 3 }));
        }

        [TestMethod]
        public void Downlink_messages_reach_the_listener_while_online()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            rig.Mqtt.Deliver("commands/" + SessionRig.ClientId + "/interval", new byte[] { 0x36, 0x30 });
            rig.StepNow();
            Assert.AreEqual(1, rig.Listener.MessageTopics.Count);
            Assert.AreEqual("commands/" + SessionRig.ClientId + "/interval", (string)rig.Listener.MessageTopics[0]);
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
            Assert.AreEqual(1, rig.Listener.Lost.Count);
            Assert.AreEqual(id, (int)rig.Listener.Lost[0]);
            Assert.AreEqual((int)SessionState.Backoff, (int)rig.Supervisor.State);
        }

        [TestMethod]
        public void Shutdown_disconnects_gracefully_and_stops()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            rig.Supervisor.Shutdown();
            Assert.AreEqual(1, rig.Mqtt.DisconnectCalls);
            Assert.AreEqual((int)SessionState.Stopped, (int)rig.Supervisor.State);
            int begins = rig.Mqtt.BeginCalls;
            rig.Run(60000);
            Assert.AreEqual(begins, rig.Mqtt.BeginCalls);
        }

        [TestMethod]
        public void Completed_steps_counts_every_step_for_the_watchdog()
        {
            SessionRig rig = new SessionRig();
            rig.Build();
            rig.Run(1000, 100);
            Assert.AreEqual(10, rig.Supervisor.CompletedSteps);
            Assert.AreEqual(1000L, rig.Supervisor.LastStepMs);
        }

        [TestMethod]
        public void Throwing_application_callbacks_do_not_stop_the_session()
        {
            FakeClock clock = new FakeClock();
            FakeNetworkLink network = new FakeNetworkLink(clock);
            FakeMqttLink mqtt = new FakeMqttLink(clock);
            FakeLog log = new FakeLog();
            SessionOptions options = new SessionOptions();
            options.Token = SessionRig.Token;
            options.ClientId = SessionRig.ClientId;
            SessionPorts ports = new SessionPorts();
            ports.Clock = clock;
            ports.Network = network;
            ports.Mqtt = mqtt;
            ports.Random = new SeededRandomSource(1);
            ports.Log = log;
            ports.Listener = new StubThrowingListener();
            NodeSupervisor supervisor = new NodeSupervisor(options, new TagoMqttJsonTransport(SessionRig.ClientId, null), ports);
            for (int i = 0; i < 50; i++)
            {
                clock.NowMs += 100;
                supervisor.Step(clock.NowMs);
            }

            Assert.AreEqual((int)SessionState.Online, (int)supervisor.State);
            Assert.AreEqual(50, supervisor.CompletedSteps);
            Assert.IsTrue(supervisor.PublishData(new byte[] { 1 }) >= 0);
            mqtt.Deliver("commands/x/y", new byte[] { 1 });
            clock.NowMs += 100;
            supervisor.Step(clock.NowMs);
            Assert.AreEqual(1, log.CountContaining("listener error: InvalidOperationException in OnOnline"));
            Assert.AreEqual(1, log.CountContaining("in OnPublishAcked"));
            Assert.AreEqual(1, log.CountContaining("in OnMessageReceived"));
            Assert.AreEqual(51, log.CountContaining("in OnStep"));
        }
    }
}
