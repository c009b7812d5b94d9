namespace TagoFirmware.Connection
{
    /// <summary>
    /// One MQTT client connection as the supervisor drives it. Everything that can block happens on the adapter's own
    /// threads; everything the client library reports is recorded as a <see cref="LinkEvent"/> in an inbox that the
    /// supervisor drains once per step.
    /// </summary>
    /// <remarks>
    /// Port contract (the M2Mqtt adapter on the ESP32, the MQTTnet adapter on the host, fakes in tests):
    /// <list type="bullet">
    /// <item>Threading: every member is called from the main loop thread only. Client-library callbacks
    /// (<c>ConnectionOpened</c>, <c>MqttMsgPublished</c>, <c>MqttMsgSubscribed</c>, <c>MqttMsgPublishReceived</c>,
    /// <c>ConnectionClosed</c>) only
    /// record facts in the inbox (<see cref="LinkEventQueue"/> is a ready lock-protected ring); they never publish,
    /// connect or call back into the core.</item>
    /// <item>Blocking: no member blocks for more than a few milliseconds, except <see cref="Disconnect"/> and
    /// <see cref="Close"/> which may take up to about 1 s (M2Mqtt's Close sleeps 200 ms). <see cref="BeginConnect"/>
    /// only hands the request to a worker thread: the MqttClient constructor does DNS and Connect can take 30 s or
    /// hang.</item>
    /// <item>Connect outcome: exactly one of ConnectSucceeded, ConnectRefused or ConnectFailed per started attempt,
    /// possibly much later. A refusal returned as a code is ConnectRefused. A Connect that throws is ConnectFailed with
    /// <see cref="LinkEvent.ReasonCode"/> set to the CONNACK code <c>ConnectionOpened</c> showed during this attempt (M2Mqtt
    /// usually throws on a bad token while the event carries 5), else -1; the core classifies it.</item>
    /// <item>After any ConnectRefused or ConnectFailed the supervisor calls <see cref="Close"/>; the adapter must
    /// then release the client's threads (M2Mqtt's receive thread spins otherwise).</item>
    /// <item>Errors: no member throws. <see cref="Publish"/> and <see cref="Subscribe"/> return a negative
    /// <see cref="PublishError"/> value instead.</item>
    /// <item>Secrets: the password in <see cref="MqttConnectRequest"/> never reaches a log, console or exception text.</item>
    /// <item>Inbox overflow: when the inbox is full, new events may be dropped. The supervisor tolerates it (a lost
    /// ack looks like a dead link and causes a reconnect; a lost Closed is noticed through <see cref="IsConnected"/>;
    /// a lost connect outcome hits the supervisor's own deadline), so an adapter must never block a library thread
    /// waiting for room.</item>
    /// </list>
    /// </remarks>
    public interface IMqttLink
    {
        /// <summary>The client library's own view of the session (M2Mqtt <c>IsConnected</c>); may stay true on a frozen broker.</summary>
        bool IsConnected { get; }

        /// <summary>Signalled whenever an event enters this link's inbox: the main loop waits on it instead of polling.</summary>
        System.Threading.WaitHandle Arrived { get; }

        /// <summary>
        /// Starts a connect attempt on the adapter's worker thread. Connects on a fresh or closed client; the adapter
        /// may reuse the client instance (M2Mqtt reconnects on the same instance) or make a new one.
        /// </summary>
        bool BeginConnect(MqttConnectRequest request);

        /// <summary>
        /// Enqueues a publish (never retained). Called only while connected; the adapter still checks
        /// <see cref="IsConnected"/> because M2Mqtt would queue without limit.
        /// </summary>
        int Publish(string topic, byte[] payload, int qos);

        /// <summary>Enqueues a SUBSCRIBE for one topic filter; its SUBACK is reported as a Subscribed event.</summary>
        int Subscribe(string topicFilter, int qos);

        /// <summary>Sends DISCONNECT and closes (the will is not published). Best effort, never throws.</summary>
        void Disconnect();

        /// <summary>
        /// Closes the connection without DISCONNECT, stops the library's threads and clears its queues. Best effort,
        /// never throws, safe to call in any state and more than once. Required after any failed or refused connect.
        /// </summary>
        void Close();

        /// <summary>Moves the oldest inbox event into <paramref name="into"/>.</summary>
        bool TryTakeEvent(LinkEvent into);
    }
}
