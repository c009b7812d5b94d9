namespace TagoFirmware.TagoTip
{
    /// <summary>What the uplink must do after a message on the ack topic (<see cref="TagoTipReceipts.OnAck"/>).</summary>
    public enum TagoTipAction
    {
        /// <summary>Nothing: a duplicate or stray receipt, a PONG or a malformed message.</summary>
        Ignore = 0,
        /// <summary>A <c>CMD|…</c>: run it.</summary>
        Command = 1,
        /// <summary><c>OK|n</c> for the frame in flight: remove its readings from the queue.</summary>
        Delivered = 2,
        /// <summary>As <see cref="Delivered"/>, and n differs from the variables sent for the first time: log it once.</summary>
        DeliveredCountMismatch = 3,
        /// <summary><c>invalid_token</c> / <c>device_not_found</c>: the credential failure state (slow retry, LED, counter, one log line).</summary>
        CredentialFailure = 4,
        /// <summary><c>rate_limited</c>: end the session, back off with jitter, keep the frame queued.</summary>
        BackOff = 5,
        /// <summary><c>invalid_payload</c> or <c>payload_too_large</c> on a frame of several cycles: resend at most <see cref="TagoTipReceipts.CycleLimit"/> cycles a frame.</summary>
        Split = 6,
        /// <summary>A single cycle was still refused: drop it from the queue (counted in <see cref="TagoTipReceipts.Quarantined"/>, log once).</summary>
        Quarantine = 7,
        /// <summary>A 4th single cycle in a row was refused: stop sending, keep the queue, show the error state, log a protocol mismatch.</summary>
        ProtocolMismatch = 8,
        /// <summary><c>server_error</c> or an unknown code: keep the frame queued and retry in a later session.</summary>
        RetryLater = 9,
        /// <summary><c>invalid_seq</c>: advance the counter by <see cref="TagoTipReceipts.SequenceJump"/> (persisted) and resend.</summary>
        JumpSequence = 10,
        /// <summary>The 32nd <c>invalid_seq</c> in a row: stop sending, keep the queue, report a configuration error.</summary>
        SequenceRejected = 11,
        /// <summary><c>ttl_expired</c> / <c>keep_alive_timeout</c>: the server's normal close; the frame stays queued, no backoff, no failure.</summary>
        SessionEnd = 12,
    }
}
