namespace TagoFirmware.Readings
{
    /// <summary>Outcome of reporting a payload as delivered or lost.</summary>
    public enum ReadingAckResult
    {
        /// <summary>The ticket was the payload in flight; its readings are removed (ack) or queued again (lost).</summary>
        Applied = 0,

        /// <summary>
        /// The ticket is not in flight: a duplicate ack, an ack that arrived after the payload was declared lost, or
        /// a ticket that was never issued. Nothing changes; a late-acked payload's readings are sent again (at-least-once).
        /// </summary>
        NotInFlight,

        /// <summary>At QoS 0 the payload left on send; at QoS 1 the batcher waits for the broker's ack.</summary>
        AwaitingAck,
    }
}
