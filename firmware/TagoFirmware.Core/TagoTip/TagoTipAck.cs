using TagoFirmware.Json;
using TagoFirmware.Payload;

namespace TagoFirmware.TagoTip
{
    /// <summary>Reads one message of <c>$tip/{serial}/ack</c>, <c>[!N|]STATUS[|DETAIL]</c> (TagoTiP 1.0 §9, https://github.com/tago-io/tagotip); allocates nothing, never throws.</summary>
    /// <remarks>Lenient where readings of the spec differ (an <c>ACK|</c> prefix, one trailing LF); strict where a wrong guess could settle the wrong frame:
    /// <c>!N</c> is a u32 without leading zeros (§14), the status exactly <c>OK</c>, <c>ERR</c>, <c>CMD</c> or <c>PONG</c>, no NUL or second <c>|</c> in the detail.</remarks>
    public sealed class TagoTipAck
    {
        // The prefix, the statuses, then the error codes (word index = TagoTipError + 3), each ended by a space.
        private static readonly byte[] s_words = TagoUtf8.GetBytes("ACK| OK ERR CMD PONG invalid_token device_not_found rate_limited "
            + "invalid_payload payload_too_large server_error invalid_seq ttl_expired keep_alive_timeout ");

        /// <summary>Longest command name accepted.</summary>
        public const int MaxCommandName = 32;

        // Fields rather than properties (every property read is a call on the interpreter); Parse overwrites them all.

        /// <summary>What the message is.</summary>
        public TagoTipAckKind Kind;
        /// <summary>The echoed <c>!N</c>, or -1 when the message carried none.</summary>
        public long Sequence;
        /// <summary>For <see cref="TagoTipAckKind.Ok"/>: the data points stored, or -1 when the detail is missing.</summary>
        public int Count;
        /// <summary>For <see cref="TagoTipAckKind.Error"/>: the code.</summary>
        public TagoTipError Error;
        /// <summary>Where the detail (command text, error code) starts in the parsed buffer.</summary>
        public int DetailOffset;
        /// <summary>Length of the detail in bytes (0 when absent).</summary>
        public int DetailLength;

        /// <summary>Parses <paramref name="payload"/> (null reads as empty); returns <see cref="Kind"/>.</summary>
        public TagoTipAckKind Parse(byte[] payload)
        {
            Kind = TagoTipAckKind.Malformed;
            Sequence = -1;
            Count = -1;
            Error = TagoTipError.None;
            DetailOffset = 0;
            DetailLength = 0;
            int end = payload == null ? 0 : payload.Length;
            if (end == 0)
            {
                return Kind;
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
                    return Kind;
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
            DetailOffset = p < end ? p + 1 : end;
            DetailLength = p < end ? end - p - 1 : 0;
            for (int i = DetailOffset; i < end; i++)
            {
                if (payload[i] == 0 || payload[i] == '|')
                {
                    DetailLength = 0;
                    return Kind;
                }
            }

            return Kind = Classify(payload, Find(payload, status, statusLength, 1));
        }

        /// <summary>For a <see cref="TagoTipAckKind.Command"/>: the command parser's topic <c>{prefix}{name}</c> of <c>name[=value]</c> (§9.1) and where its value lies; null when the name is not <c>[a-z0-9_]{1,32}</c>.</summary>
        public string CommandTopic(string topicPrefix, byte[] payload, out int valueOffset, out int valueLength)
        {
            int end = DetailOffset + DetailLength;
            int p = DetailOffset;
            while (p < end && payload[p] != '=')
            {
                p++;
            }

            valueOffset = p < end ? p + 1 : end;
            valueLength = end - valueOffset;
            int length = p - DetailOffset;
            if (length == 0 || length > MaxCommandName)
            {
                return null;
            }

            for (int i = DetailOffset; i < p; i++)
            {
                if (!JsonText.IsNameByte(payload[i]))
                {
                    return null;
                }
            }

            return topicPrefix + JsonBytes.Text(payload, DetailOffset, length, true);
        }

        private TagoTipAckKind Classify(byte[] payload, int status)
        {
            switch (status)
            {
                case 1:
                    int p = DetailOffset;
                    long n = Digits(payload, ref p, DetailOffset + DetailLength);
                    if (p < DetailOffset + DetailLength)
                    {
                        return TagoTipAckKind.Other; // "OK|[…]" answers a PULL, which this firmware never sends.
                    }

                    Count = DetailLength == 0 ? -1 : n > int.MaxValue ? int.MaxValue : (int)n;
                    return TagoTipAckKind.Ok;
                case 2:
                    int code = Find(payload, DetailOffset, DetailLength, 5);
                    Error = code <= (int)TagoTipError.KeepAliveTimeout + 3 ? (TagoTipError)(code - 3) : TagoTipError.Unknown;
                    return TagoTipAckKind.Error;
                case 3:
                    // A command never carries !N (§9.5), so one that does is not trusted as a command.
                    return DetailLength == 0 ? TagoTipAckKind.Malformed : Sequence >= 0 ? TagoTipAckKind.Other : TagoTipAckKind.Command;
                case 4:
                    return TagoTipAckKind.Other;
                default:
                    return TagoTipAckKind.Malformed;
            }
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
    }
}
