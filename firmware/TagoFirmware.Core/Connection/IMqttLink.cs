namespace TagoFirmware.Connection
{
    /// <summary>One MQTT client connection as the supervisor drives it; library reports wait as <see cref="LinkEvent"/>s in an inbox drained once per step.</summary>
    /// <remarks>Main loop only, never throws; only <see cref="Disconnect"/> and <see cref="Close"/> may take about 1 s. A full inbox drops events rather than
    /// block a library thread: a lost ack looks like a dead link, a lost Closed shows in <see cref="IsConnected"/>, a lost outcome hits the deadline. The password is never logged.</remarks>
    public interface IMqttLink
    {
        /// <summary>The client library's own view of the session (M2Mqtt <c>IsConnected</c>); may stay true on a frozen broker.</summary>
        bool IsConnected { get; }

        /// <summary>Signalled whenever an event enters this link's inbox: the main loop waits on it instead of polling.</summary>
        System.Threading.WaitHandle Arrived { get; }

        /// <summary>Starts a connect attempt on the worker; false while an earlier attempt runs, its outcome waits or its client is open.</summary>
        bool BeginConnect(SessionOptions request);

        /// <summary>Enqueues a publish (never retained): its message id or a negative <see cref="ConnectionSupervisor.NotOnline"/> or <see cref="ConnectionSupervisor.Rejected"/>. M2Mqtt resends the same array: never change it.</summary>
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
