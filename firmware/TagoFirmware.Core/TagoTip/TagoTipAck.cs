using TagoFirmware.Payload;

namespace TagoFirmware.TagoTip
{
    /// <summary>
    /// Reads one message of <c>$tip/{serial}/ack</c>: <c>[!N|]STATUS[|DETAIL]</c> (TagoTiP 1.0 §9 and its MQTT
    /// binding, https://github.com/tago-io/tagotip). Reusable: <see cref="Parse"/> overwrites every field, allocates
    /// nothing and never throws.
    /// </summary>
    /// <remarks>
    /// Lenient where the readings of the spec differ: an <c>ACK|</c> prefix (raw-frame form) and one trailing LF are
    /// accepted. Strict where a wrong guess could settle the wrong frame: <c>!N</c> must be decimal without leading
    /// zeros and fit a u32 (§14), the status must be exactly <c>OK</c>, <c>ERR</c>, <c>CMD</c> or <c>PONG</c>, and a NUL
    /// or a second <c>|</c> in the detail makes the message malformed.
    /// </remarks>
    public sealed class TagoTipAck
    {
        private static readonly byte[][] s_codes =
        {
            Ascii("invalid_token"), Ascii("device_not_found"), Ascii("rate_limited"), Ascii("invalid_payload"),
            Ascii("payload_too_large"), Ascii("server_error"), Ascii("invalid_seq"), Ascii("ttl_expired"),
            Ascii("keep_alive_timeout"),
        };

        /// <summary>What the message is.</summary>
        public TagoTipAckKind Kind { get; private set; }

        /// <summary>True when the message carried <c>!N</c>.</summary>
        public bool HasSequence { get; private set; }

        /// <summary>The echoed sequence number (0–4,294,967,295) when <see cref="HasSequence"/>.</summary>
        public long Sequence { get; private set; }

        /// <summary>For <see cref="TagoTipAckKind.Ok"/>: the data points stored, or -1 when the detail is missing.</summary>
        public int Count { get; private set; }

        /// <summary>For <see cref="TagoTipAckKind.Error"/>: the code.</summary>
        public TagoTipError Error { get; private set; }

        /// <summary>Where the detail (command text, error code) starts in the parsed buffer.</summary>
        public int DetailOffset { get; private set; }

        /// <summary>Length of the detail in bytes (0 when absent).</summary>
        public int DetailLength { get; private set; }

        /// <summary>Parses <paramref name="payload"/>[offset..offset+length).</summary>
        /// <param name="payload">The message bytes (null reads as empty).</param>
        /// <param name="offset">Start of the message.</param>
        /// <param name="length">Length in bytes.</param>
        /// <returns>The kind, also kept in <see cref="Kind"/>.</returns>
        public TagoTipAckKind Parse(byte[] payload, int offset, int length)
        {
            Kind = TagoTipAckKind.Malformed;
            HasSequence = false;
            Sequence = -1;
            Count = -1;
            Error = TagoTipError.None;
            DetailOffset = offset;
            DetailLength = 0;
            if (payload == null || offset < 0 || length <= 0 || offset > payload.Length - length)
            {
                return Kind;
            }

            int end = offset + length;
            if (payload[end - 1] == 0x0A)
            {
                end--;
            }

            int p = offset;
            if (end - p > 4 && payload[p] == 'A' && payload[p + 1] == 'C' && payload[p + 2] == 'K' && payload[p + 3] == '|')
            {
                p += 4;
            }

            if (p < end && payload[p] == '!')
            {
                long n = 0;
                int first = ++p;
                while (p < end && payload[p] >= '0' && payload[p] <= '9' && n <= 0xFFFFFFFFL)
                {
                    n = (n * 10) + (payload[p++] - '0');
                }

                int digits = p - first;
                if (digits == 0 || n > 0xFFFFFFFFL || (digits > 1 && payload[first] == '0') || p >= end || payload[p] != '|')
                {
                    return Kind;
                }

                p++;
                HasSequence = true;
                Sequence = n;
            }

            int status = p;
            while (p < end && payload[p] != '|')
            {
                p++;
            }

            int statusLength = p - status;
            if (statusLength == 0)
            {
                return Kind;
            }

            if (p < end)
            {
                p++;
                DetailOffset = p;
                DetailLength = end - p;
                for (int i = p; i < end; i++)
                {
                    if (payload[i] == 0 || payload[i] == '|')
                    {
                        DetailLength = 0;
                        return Kind;
                    }
                }
            }
            else
            {
                DetailOffset = end;
            }

            return Kind = Classify(payload, status, statusLength);
        }

        private TagoTipAckKind Classify(byte[] payload, int status, int statusLength)
        {
            byte s0 = payload[status];
            if (statusLength == 2 && s0 == 'O' && payload[status + 1] == 'K')
            {
                return ClassifyOk(payload);
            }

            if (statusLength == 4 && s0 == 'P' && payload[status + 1] == 'O' && payload[status + 2] == 'N' && payload[status + 3] == 'G')
            {
                return TagoTipAckKind.Other;
            }

            if (statusLength != 3)
            {
                return TagoTipAckKind.Malformed;
            }

            byte s1 = payload[status + 1];
            byte s2 = payload[status + 2];
            if (s0 == 'C' && s1 == 'M' && s2 == 'D')
            {
                // A command never carries !N (§9.5), so one that does is not trusted as a command.
                return DetailLength == 0 ? TagoTipAckKind.Malformed : HasSequence ? TagoTipAckKind.Other : TagoTipAckKind.Command;
            }

            if (s0 != 'E' || s1 != 'R' || s2 != 'R')
            {
                return TagoTipAckKind.Malformed;
            }

            Error = TagoTipError.Unknown;
            for (int c = 0; c < s_codes.Length; c++)
            {
                if (Equals(s_codes[c], payload, DetailOffset, DetailLength))
                {
                    Error = (TagoTipError)(c + 2);
                    break;
                }
            }

            return TagoTipAckKind.Error;
        }

        private TagoTipAckKind ClassifyOk(byte[] payload)
        {
            if (DetailLength == 0)
            {
                return TagoTipAckKind.Ok;
            }

            long n = 0;
            for (int i = DetailOffset; i < DetailOffset + DetailLength; i++)
            {
                byte b = payload[i];
                if (b < '0' || b > '9')
                {
                    // "OK|[…]" answers a PULL, which this firmware never sends.
                    return TagoTipAckKind.Other;
                }

                if (n < int.MaxValue)
                {
                    n = (n * 10) + (b - '0');
                }
            }

            Count = n > int.MaxValue ? int.MaxValue : (int)n;
            return TagoTipAckKind.Ok;
        }

        private static bool Equals(byte[] code, byte[] payload, int offset, int length)
        {
            if (code.Length != length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (payload[offset + i] != code[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static byte[] Ascii(string text)
        {
            return TagoUtf8.GetBytes(text);
        }
    }
}
