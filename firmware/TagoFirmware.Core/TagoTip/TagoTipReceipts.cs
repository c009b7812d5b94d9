namespace TagoFirmware.TagoTip
{
    /// <summary>What each message on <c>$tip/{serial}/ack</c> means for the frame in flight: readings leave the queue only on an <c>OK</c> whose <c>!N</c> matches it.</summary>
    /// <remarks>An <c>ERR</c> without <c>!N</c> is about the frame in flight, or the session. <c>invalid_token</c> is retried slowly, against §9.2's "do not retry": an operator
    /// can restore the Authorization without touching the node. <c>invalid_seq</c>: the server is ahead (mass erase, new board); jumps of 1, 2, 4, … reach any u32 in 31 steps.</remarks>
    public sealed class TagoTipReceipts
    {
        /// <summary>Quarantines in a row after which a refused cycle is kept and sending stops.</summary>
        public const int MaxConsecutiveQuarantines = 3;
        /// <summary><c>invalid_seq</c> answers in a row after which sending stops.</summary>
        public const int MaxSequenceRejections = 32;

        // Per TagoTipError, what a code means with no frame of ours in flight: nothing to split, drop or jump.
        private static readonly byte[] s_sessionActions =
        {
            (byte)TagoTipAction.RetryLater, (byte)TagoTipAction.RetryLater, (byte)TagoTipAction.CredentialFailure,
            (byte)TagoTipAction.CredentialFailure, (byte)TagoTipAction.BackOff, (byte)TagoTipAction.Ignore, (byte)TagoTipAction.Ignore,
            (byte)TagoTipAction.RetryLater, (byte)TagoTipAction.Ignore, (byte)TagoTipAction.SessionEnd, (byte)TagoTipAction.SessionEnd,
        };

        private int _variables;
        private int _cycles;
        private int _quarantinesInRow;
        private int _rejections;
        private bool _mismatchLogged;

        // The results are fields, not properties: every property read is a call on the interpreter. Only this class writes them.

        /// <summary>True while a frame waits for its receipt.</summary>
        public bool InFlight;
        /// <summary>The <c>!N</c> of the frame in flight.</summary>
        public long InFlightSequence;
        /// <summary>Most sampling cycles the next frame may carry; 0 = no limit.</summary>
        public int CycleLimit;
        /// <summary>After <see cref="TagoTipAction.JumpSequence"/>: how far to advance the counter.</summary>
        public long SequenceJump;
        /// <summary>Why sending stopped (<see cref="TagoTipAction.ProtocolMismatch"/>, <see cref="TagoTipAction.SequenceRejected"/>), else Ignore.</summary>
        public TagoTipAction Stopped;
        /// <summary>Sampling cycles dropped because the server refused them alone.</summary>
        public int Quarantined;

        /// <summary>Records the frame just published (its <c>!N</c>, variables and sampling cycles); it waits for its receipt.</summary>
        public void OnSent(long sequence, int variables, int cycles)
        {
            InFlight = true;
            InFlightSequence = sequence;
            _variables = variables;
            _cycles = cycles;
        }

        /// <summary>The frame in flight got no receipt: it stays queued and is resent with a new <c>!N</c>.</summary>
        public void OnUnanswered() => InFlight = false;

        /// <summary>Applies one parsed message of the ack topic; returns what to do.</summary>
        public TagoTipAction OnAck(TagoTipAck ack)
        {
            TagoTipAckKind kind = ack.Kind;
            if (kind == TagoTipAckKind.Command)
            {
                return TagoTipAction.Command;
            }

            if (kind == TagoTipAckKind.Error && ack.Sequence < 0 && !InFlight)
            {
                return SessionError(ack.Error);
            }

            bool ours = InFlight && (ack.Sequence >= 0 ? ack.Sequence == InFlightSequence : kind == TagoTipAckKind.Error);

            // Duplicates (M2Mqtt may resend a QoS 1 publish, so one frame can be answered twice) and strays.
            if (!ours || (kind != TagoTipAckKind.Ok && kind != TagoTipAckKind.Error))
            {
                return TagoTipAction.Ignore;
            }

            InFlight = false;
            return kind == TagoTipAckKind.Ok ? Delivered(ack.Count) : FrameError(ack.Error);
        }

        private TagoTipAction Delivered(int count)
        {
            _quarantinesInRow = 0;
            _rejections = 0;
            if (CycleLimit > 0)
            {
                // Grow back after a split, so one refused cycle does not keep every later frame small.
                CycleLimit = CycleLimit >= 64 ? 0 : CycleLimit * 2;
            }

            if (count == _variables || _mismatchLogged)
            {
                return TagoTipAction.Delivered;
            }

            _mismatchLogged = true;
            return TagoTipAction.DeliveredCountMismatch;
        }

        private TagoTipAction FrameError(TagoTipError error)
        {
            if (error == TagoTipError.InvalidPayload || error == TagoTipError.PayloadTooLarge)
            {
                if (_cycles > 1)
                {
                    CycleLimit = _cycles / 2;
                    return TagoTipAction.Split;
                }

                if (_quarantinesInRow >= MaxConsecutiveQuarantines)
                {
                    Stopped = TagoTipAction.ProtocolMismatch;
                    return Stopped;
                }

                _quarantinesInRow++;
                Quarantined++;
                CycleLimit = 0;
                return TagoTipAction.Quarantine;
            }

            if (error == TagoTipError.InvalidSeq)
            {
                _rejections++;
                if (_rejections >= MaxSequenceRejections)
                {
                    Stopped = TagoTipAction.SequenceRejected;
                    return Stopped;
                }

                SequenceJump = 1L << (_rejections - 1);
                return TagoTipAction.JumpSequence;
            }

            return SessionError(error);
        }

        private static TagoTipAction SessionError(TagoTipError error) => (TagoTipAction)s_sessionActions[(int)error];
    }
}
