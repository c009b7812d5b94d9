using TagoFirmware.Json;
using TagoFirmware.Payload;

namespace TagoFirmware.TagoTip
{
    /// <summary>Reads each message of <c>$tip/{serial}/ack</c>, <c>[!N|]STATUS[|DETAIL]</c> (TagoTiP 1.0 §9, https://github.com/tago-io/tagotip), and says what it means
    /// for the frame in flight: readings leave the queue only on an <c>OK</c> whose <c>!N</c> matches it. Allocates nothing (but command topics), never throws.</summary>
    /// <remarks>Lenient where readings of the spec differ (an <c>ACK|</c> prefix, one trailing LF); strict where a wrong guess could settle the wrong frame:
    /// <c>!N</c> is a u32 without leading zeros (§14), the status exactly <c>OK</c>, <c>ERR</c>, <c>CMD</c> or <c>PONG</c>, no NUL or second <c>|</c> in the detail.
    /// An <c>ERR</c> without <c>!N</c> is about the frame in flight, or the session. <c>invalid_token</c> is retried slowly, against §9.2's "do not retry": an operator
    /// can restore the Authorization without touching the node. <c>invalid_seq</c>: the server is ahead (mass erase, new board); jumps of 1, 2, 4, … reach any u32 in 31 steps.</remarks>
    public sealed class TagoTipReceipts
    {
        /// <summary>Quarantines in a row after which a refused cycle is kept and sending stops.</summary>
        public const int MaxConsecutiveQuarantines = 3;
        /// <summary><c>invalid_seq</c> answers in a row after which sending stops.</summary>
        public const int MaxSequenceRejections = 32;
        /// <summary>Longest command name accepted.</summary>
        public const int MaxCommandName = 32;

        // The prefix, the statuses, then the error codes (word index = TagoTipError + 3), each ended by a space.
        private static readonly byte[] s_words = TagoUtf8.GetBytes("ACK| OK ERR CMD PONG invalid_token device_not_found rate_limited "
            + "invalid_payload payload_too_large server_error invalid_seq ttl_expired keep_alive_timeout ");

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

        // The results are fields, not properties: every property read is a call on the interpreter. Only this class writes them (but the uplink
        // clears InFlight when a frame goes unanswered: it stays queued and is resent with a new !N); Parse all of the last message's.

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

        /// <summary>The echoed <c>!N</c>, or -1 when the message carried none.</summary>
        public long Sequence;
        /// <summary>For an <c>OK</c>: the data points stored, or -1 when the detail is missing.</summary>
        public int Count;
        /// <summary>For an <c>ERR</c>: the code, else None.</summary>
        public TagoTipError Error;
        /// <summary>Where the detail (command text, error code) starts in the parsed buffer.</summary>
        public int DetailOffset;
        /// <summary>Length of the detail in bytes (0 when absent).</summary>
        public int DetailLength;

        /// <summary>Parses <paramref name="payload"/> (null reads as empty): Command for a <c>CMD</c> without <c>!N</c>, Delivered for an <c>OK[|n]</c>,
        /// else Ignore (an <c>ERR</c> sets <see cref="Error"/>; a <c>PONG</c>, an <c>OK</c> answering a PULL or a malformed message do not).</summary>
        public TagoTipAction Parse(byte[] payload)
        {
            Sequence = -1;
            Count = -1;
            Error = TagoTipError.None;
            DetailOffset = 0;
            DetailLength = 0;
            int end = payload == null ? 0 : payload.Length;
            if (end == 0)
            {
                return TagoTipAction.Ignore;
            }

            if (payload[end - 1] == 0x0A)
            {
                end--;
            }

            int p = 0;
            if (end - p > 4 && Find(payload, p, 4, 0) == 0)
            {
                p += 4;
            }

            if (p < end && payload[p] == '!')
            {
                int first = ++p;
                long n = Digits(payload, ref p, end);
                int digits = p - first;
                if (digits == 0 || n > 0xFFFFFFFFL || (digits > 1 && payload[first] == '0') || p >= end || payload[p] != '|')
                {
                    return TagoTipAction.Ignore;
                }

                p++;
                Sequence = n;
            }

            int status = p;
            while (p < end && payload[p] != '|')
            {
                p++;
            }

            int statusLength = p - status;
            int detail = p < end ? p + 1 : end;
            DetailOffset = detail;
            DetailLength = end - detail;
            for (int i = detail; i < end; i++)
            {
                if (payload[i] == 0 || payload[i] == '|')
                {
                    DetailLength = 0;
                    return TagoTipAction.Ignore;
                }
            }

            switch (Find(payload, status, statusLength, 1))
            {
                case 1:
                    p = detail;
                    long n = Digits(payload, ref p, end);
                    if (p < end)
                    {
                        return TagoTipAction.Ignore; // "OK|[…]" answers a PULL, which this firmware never sends.
                    }

                    Count = detail == end ? -1 : n > int.MaxValue ? int.MaxValue : (int)n;
                    return TagoTipAction.Delivered;
                case 2:
                    int code = Find(payload, detail, end - detail, 5);
                    Error = code <= (int)TagoTipError.KeepAliveTimeout + 3 ? (TagoTipError)(code - 3) : TagoTipError.Unknown;
                    return TagoTipAction.Ignore;
                case 3:
                    // A command never carries !N (§9.5), so one that does is not trusted as a command.
                    return detail == end || Sequence >= 0 ? TagoTipAction.Ignore : TagoTipAction.Command;
                default:
                    return TagoTipAction.Ignore;
            }
        }

        /// <summary>For a command: the command parser's topic <c>{prefix}{name}</c> of <c>name[=value]</c> (§9.1) and where its value lies; null when the name is not <c>[a-z0-9_]{1,32}</c>.</summary>
        public string CommandTopic(string topicPrefix, byte[] payload, out int valueOffset, out int valueLength)
        {
            int detail = DetailOffset;
            int end = detail + DetailLength;
            int p = detail;
            while (p < end && payload[p] != '=')
            {
                p++;
            }

            valueOffset = p < end ? p + 1 : end;
            valueLength = end - valueOffset;
            int length = p - detail;
            return JsonText.IsName(payload, detail, length, MaxCommandName) ? topicPrefix + JsonBytes.Text(payload, detail, length, true) : null;
        }

        // The first word from `from` equal to payload[offset..offset+length), or the number of words.
        private static int Find(byte[] payload, int offset, int length, int from)
        {
            byte[] words = s_words;
            int word = 0;
            int start = 0;
            for (int i = 0; i < words.Length; i++)
            {
                if (words[i] != (byte)' ')
                {
                    continue;
                }

                int k = word >= from && i - start == length ? 0 : length + 1;
                while (k < length && words[start + k] == payload[offset + k])
                {
                    k++;
                }

                if (k == length)
                {
                    return word;
                }

                word++;
                start = i + 1;
            }

            return word;
        }

        // The digits at p as a number (it stops growing above 2^32), moving p past them.
        private static long Digits(byte[] payload, ref int p, int end)
        {
            long n = 0;
            for (; p < end && payload[p] >= '0' && payload[p] <= '9'; p++)
            {
                n = n > 0xFFFFFFFFL ? n : (n * 10) + (payload[p] - '0');
            }

            return n;
        }

        /// <summary>Records the frame just published (its <c>!N</c>, variables and sampling cycles); it waits for its receipt.</summary>
        public void OnSent(long sequence, int variables, int cycles)
        {
            InFlight = true;
            InFlightSequence = sequence;
            _variables = variables;
            _cycles = cycles;
        }

        /// <summary>Parses and applies one message of the ack topic (null reads as empty); returns what to do.</summary>
        public TagoTipAction OnAck(byte[] payload)
        {
            TagoTipAction kind = Parse(payload);
            bool error = Error != TagoTipError.None;
            if (kind != TagoTipAction.Delivered && !error)
            {
                return kind; // Command, or Ignore
            }

            long sequence = Sequence;
            if (error && sequence < 0 && !InFlight)
            {
                return SessionError(Error);
            }

            // Duplicates (M2Mqtt may resend a QoS 1 publish, so one frame can be answered twice) and strays.
            if (!InFlight || (sequence >= 0 ? sequence != InFlightSequence : !error))
            {
                return TagoTipAction.Ignore;
            }

            InFlight = false;
            return error ? FrameError(Error) : Delivered(Count);
        }

        private TagoTipAction Delivered(int count)
        {
            _quarantinesInRow = 0;
            _rejections = 0;
            int limit = CycleLimit;
            if (limit > 0)
            {
                // Grow back after a split, so one refused cycle does not keep every later frame small.
                CycleLimit = limit >= 64 ? 0 : limit * 2;
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
                    return Stopped = TagoTipAction.ProtocolMismatch;
                }

                _quarantinesInRow++;
                Quarantined++;
                CycleLimit = 0;
                return TagoTipAction.Quarantine;
            }

            if (error == TagoTipError.InvalidSeq)
            {
                int rejections = ++_rejections;
                if (rejections >= MaxSequenceRejections)
                {
                    return Stopped = TagoTipAction.SequenceRejected;
                }

                SequenceJump = 1L << (rejections - 1);
                return TagoTipAction.JumpSequence;
            }

            return SessionError(error);
        }

        private static TagoTipAction SessionError(TagoTipError error) => (TagoTipAction)s_sessionActions[(int)error];
    }
}
