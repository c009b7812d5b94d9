namespace TagoFirmware.Connection
{
    /// <summary>One MQTT client connection as the supervisor drives it; what the library reports waits as
    /// <see cref="LinkEvent"/>s in an inbox the supervisor drains once per step.</summary>
    /// <remarks>
    /// Port contract (adapters derive from <see cref="MqttConnection"/>): main loop only, never throws, only
    /// <see cref="Disconnect"/> and <see cref="Close"/> may take about 1 s; one connect outcome per attempt. A full inbox
    /// drops events rather than block a library thread: a lost ack looks like a dead link, a lost Closed shows in
    /// <see cref="IsConnected"/>, a lost outcome hits the supervisor's deadline. The password is never logged.
    /// </remarks>
    public interface IMqttLink
    {
        /// <summary>The client library's own view of the session (M2Mqtt <c>IsConnected</c>); may stay true on a frozen broker.</summary>
        bool IsConnected { get; }

        /// <summary>Signalled whenever an event enters this link's inbox: the main loop waits on it instead of polling.</summary>
        System.Threading.WaitHandle Arrived { get; }

        /// <summary>Starts a connect attempt on the adapter's worker; false (nothing started) while an earlier attempt runs
        /// or its outcome was not taken yet, so an outcome is never mistaken for a newer attempt's.</summary>
        bool BeginConnect(SessionOptions request);

        /// <summary>Enqueues a publish (never retained): its message id (0..65535) or a negative <see cref="PublishError"/>.
        /// The adapter may keep the payload until acknowledged (M2Mqtt resends the same array): pass one that never changes.</summary>
        int Publish(string topic, byte[] payload, int qos);

        /// <summary>Enqueues a SUBSCRIBE for one topic filter; its SUBACK is reported as a Subscribed event.</summary>
        int Subscribe(string topicFilter, int qos);

        /// <summary>Sends DISCONNECT and closes (the will is not published). Best effort, never throws.</summary>
        void Disconnect();

        /// <summary>Closes without DISCONNECT and stops the library's threads; safe in any state, more than once.</summary>
        void Close();

        /// <summary>Moves the oldest inbox event into <paramref name="into"/>, setting every field its kind uses.</summary>
        bool TryTakeEvent(LinkEvent into);
    }
}
