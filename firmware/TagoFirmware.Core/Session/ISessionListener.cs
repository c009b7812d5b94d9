namespace TagoFirmware.Session
{
    /// <summary>
    /// How the supervisor tells the application layer (sampling, queue, batching, commands) what happened. All calls
    /// come from inside <see cref="NodeSupervisor.Step"/> on the main loop thread, so the application needs no locks.
    /// </summary>
    /// <remarks>
    /// Contract for the implementation: return quickly and never throw (the supervisor catches and logs exceptions so
    /// one bad callback cannot stop the loop, but the rest of that step's callbacks may be skipped). Publishing from
    /// inside a callback is allowed through the supervisor (<see cref="NodeSupervisor.PublishData"/>).
    /// </remarks>
    public interface ISessionListener
    {
        /// <summary>
        /// The session is online: connected, the "online" status was published and the command subscription was
        /// made. Publishing is allowed from now until <see cref="OnOffline"/>.
        /// </summary>
        void OnOnline();

        /// <summary>The session left Online; every publish not yet acknowledged has been reported lost first.</summary>
        void OnOffline();

        /// <summary>A QoS 1 publish made through the supervisor was acknowledged by the broker (delivered).</summary>
        /// <param name="messageId">The id the supervisor returned for it.</param>
        void OnPublishAcked(int messageId);

        /// <summary>A QoS 1 publish will not be acknowledged (link dropped, library gave up): send it again later.</summary>
        /// <param name="messageId">The id the supervisor returned for it.</param>
        void OnPublishLost(int messageId);

        /// <summary>A message arrived on a subscribed topic (downlink commands: <c>commands/{client_id}/+</c>).</summary>
        /// <param name="topic">The topic it arrived on.</param>
        /// <param name="payload">The payload bytes.</param>
        void OnMessageReceived(string topic, byte[] payload);

        /// <summary>The supervisor is about to reboot the device: flush queued readings to flash now (synchronously).</summary>
        /// <param name="reason">Why it reboots.</param>
        void OnRebootPending(RebootReason reason);

        /// <summary>Called once at the end of every step, whatever the state (sampling and timers run from here).</summary>
        /// <param name="nowMs">The monotonic time the step ran for.</param>
        void OnStep(long nowMs);
    }
}
