using TagoFirmware.Json;

namespace TagoFirmware.Commands
{
    /// <summary>
    /// Parses and validates one downlink message (MQTT topic + payload) without changing anything. Bad input never
    /// throws: <see cref="Parse"/> returns a specific <see cref="CommandError"/>.
    /// </summary>
    /// <remarks>
    /// Topic: exactly one level below the prefix of the configured filter (default <c>commands/{client_id}/+</c>);
    /// that level names the command, compared ordinally and case-sensitively: <c>reboot</c>, <c>ping</c>,
    /// <c>interval</c>, <c>batch</c>, <c>diagnostics</c>.
    /// <para>Payload (at most 512 bytes, checked in this order: size, JSON syntax, meaning):</para>
    /// <list type="bullet">
    /// <item><c>reboot</c>, <c>ping</c>, <c>diagnostics</c>: empty (or whitespace), or any well-formed JSON document,
    /// which is ignored. Malformed bytes are refused, so line noise on the reboot topic does not reboot the node.</item>
    /// <item><c>interval</c>, <c>batch</c>: a bare value (<c>60</c> or, for dashboards that send text, <c>"60"</c>);
    /// a TagoIO-style object <c>{"variable":"interval","value":60}</c>; or an array of such objects
    /// <c>[{"variable":"interval","value":60},{"variable":"batch","value":10}]</c>, which must set the topic's own
    /// variable and may also set the other setting: all items are validated before anything is applied.
    /// Other members of an item (<c>unit</c>, <c>time</c>, <c>group</c>, <c>metadata</c>…) are ignored.</item>
    /// <item>Values are integers: JSON numbers without fraction or exponent, or strings of 1…9 ASCII digits with
    /// nothing else (no sign, spaces or escapes). <c>60.5</c>, <c>6e1</c>, <c>"1 min"</c>, <c>true</c> and
    /// <c>null</c> are refused, rather than guessed at.</item>
    /// <item>Ranges: interval from the minimum the read pipelines need (derived, see
    /// <c>ReadPipelineSettings.MinSamplingIntervalSeconds</c>) up to 86400 s; batch 1…100.</item>
    /// </list>
    /// Nesting deeper than 4 levels (array → item → metadata → one more) is refused as malformed.
    /// Allocates a little per message (a reader and substrings of the topic): commands are rare, not a hot path.
    /// </remarks>
    public sealed class CommandParser
    {
        /// <summary>Largest payload accepted, in bytes.</summary>
        public const int MaxPayloadBytes = 512;

        /// <summary>Longest interval accepted: one day, in seconds.</summary>
        public const int MaxIntervalSeconds = 86400;

        /// <summary>Smallest batch size.</summary>
        public const int MinBatchSize = 1;

        /// <summary>Largest batch size (TagoIO takes at most 100 variables per frame).</summary>
        public const int MaxBatchSize = 100;

        /// <summary>Nesting allowed in a payload: array → item object → a metadata object/array inside it.</summary>
        private const int MaxDepth = 4;

        private static readonly byte[] s_variable = TagoFirmware.Payload.TagoUtf8.GetBytes("variable");
        private static readonly byte[] s_value = TagoFirmware.Payload.TagoUtf8.GetBytes("value");
        private static readonly byte[] s_interval = TagoFirmware.Payload.TagoUtf8.GetBytes("interval");
        private static readonly byte[] s_batch = TagoFirmware.Payload.TagoUtf8.GetBytes("batch");

        private readonly string _prefix;

        /// <summary>Creates a parser for a topic filter and a minimum interval.</summary>
        /// <param name="topicFilter">The subscription filter, e.g. <c>commands/node-1/+</c>; see <see cref="IsValidFilter"/>.</param>
        /// <param name="minIntervalSeconds">The smallest interval accepted (the largest
        /// <c>MinSamplingIntervalSeconds</c> over the node's read pipelines), 1…86400.</param>
        /// <exception cref="System.ArgumentException">The filter is invalid or the minimum out of range (configuration
        /// is validated before this is constructed).</exception>
        public CommandParser(string topicFilter, int minIntervalSeconds)
        {
            if (!IsValidFilter(topicFilter))
            {
                throw new System.ArgumentException("invalid command topic filter", nameof(topicFilter));
            }

            if (minIntervalSeconds < 1 || minIntervalSeconds > MaxIntervalSeconds)
            {
                throw new System.ArgumentException("minimum interval out of range", nameof(minIntervalSeconds));
            }

            _prefix = topicFilter.Substring(0, topicFilter.Length - 1);
            MinIntervalSeconds = minIntervalSeconds;
        }

        /// <summary>The smallest interval accepted, in seconds.</summary>
        public int MinIntervalSeconds { get; }

        /// <summary>The topic prefix commands must sit directly under (the filter without its final <c>+</c>).</summary>
        public string TopicPrefix => _prefix;

        /// <summary>The default subscription filter for a client id: <c>commands/{clientId}/+</c> (TagoIO MQTT guide,
        /// "Subscribing to Topics").</summary>
        /// <param name="clientId">The MQTT client id.</param>
        /// <returns>The filter.</returns>
        public static string DefaultFilter(string clientId)
        {
            return "commands/" + clientId + "/+";
        }

        /// <summary>
        /// True when <paramref name="topicFilter"/> ends with <c>/+</c>, has a non-empty prefix, and contains no other
        /// wildcard (<c>+</c>, <c>#</c>) or NUL (MQTT 3.1.1 §4.7).
        /// </summary>
        /// <param name="topicFilter">The configured filter.</param>
        /// <returns>Whether the parser can use it.</returns>
        public static bool IsValidFilter(string topicFilter)
        {
            if (topicFilter == null || topicFilter.Length < 3 || topicFilter.Length > 200
                || topicFilter.Substring(topicFilter.Length - 2) != "/+")
            {
                return false;
            }

            char[] chars = topicFilter.ToCharArray();
            for (int i = 0; i < chars.Length - 1; i++)
            {
                if (chars[i] == '+' || chars[i] == '#' || chars[i] == '\0')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Parses and validates one message. Never throws for any topic or payload.</summary>
        /// <param name="topic">The topic the message arrived on (may be null).</param>
        /// <param name="payload">The payload buffer (null is treated as empty).</param>
        /// <param name="offset">Start of the payload in the buffer.</param>
        /// <param name="length">Payload length in bytes.</param>
        /// <param name="request">Receives the command and its settings; cleared first.</param>
        /// <returns>The first problem found, or <see cref="CommandError.None"/>.</returns>
        public CommandError Parse(string topic, byte[] payload, int offset, int length, CommandRequest request)
        {
            request.Clear();
            CommandKind kind = KindOf(topic);
            if (kind == CommandKind.None)
            {
                return topic != null && StartsWithOrdinal(topic, _prefix)
                    && topic.IndexOf('/', _prefix.Length) < 0
                    ? CommandError.UnknownCommand
                    : CommandError.TopicMismatch;
            }

            request.Kind = kind;
            if (payload == null)
            {
                payload = new byte[0];
                offset = 0;
                length = 0;
            }

            if (offset < 0 || length < 0 || offset > payload.Length || length > payload.Length - offset)
            {
                return CommandError.MalformedJson;
            }

            if (length > MaxPayloadBytes)
            {
                request.RefusedValue = length;
                return CommandError.PayloadTooLarge;
            }

            bool blank = IsBlank(payload, offset, length);
            if (!blank && !IsWellFormed(payload, offset, length))
            {
                return CommandError.MalformedJson;
            }

            if (kind == CommandKind.Reboot || kind == CommandKind.Ping || kind == CommandKind.Diagnostics)
            {
                return CommandError.None;
            }

            if (blank)
            {
                return CommandError.MissingValue;
            }

            CommandError error = ParseSettings(kind, payload, offset, length, request);
            if (error != CommandError.None)
            {
                return error;
            }

            if (kind == CommandKind.Interval ? !request.HasInterval : !request.HasBatch)
            {
                return CommandError.MissingValue;
            }

            return CheckRanges(request);
        }

        /// <summary>The command a topic names, or None when it is not directly under the prefix or unknown.</summary>
        /// <param name="topic">The topic.</param>
        /// <returns>The command kind.</returns>
        public CommandKind KindOf(string topic)
        {
            if (topic == null || !StartsWithOrdinal(topic, _prefix))
            {
                return CommandKind.None;
            }

            string name = topic.Substring(_prefix.Length);
            // String equality is ordinal on both nanoFramework and .NET.
            if (name == "reboot")
            {
                return CommandKind.Reboot;
            }

            if (name == "ping")
            {
                return CommandKind.Ping;
            }

            if (name == "interval")
            {
                return CommandKind.Interval;
            }

            if (name == "batch")
            {
                return CommandKind.Batch;
            }

            if (name == "diagnostics")
            {
                return CommandKind.Diagnostics;
            }

            return CommandKind.None;
        }

        private CommandError CheckRanges(CommandRequest request)
        {
            if (request.HasInterval)
            {
                if (request.IntervalSeconds < 1 || request.IntervalSeconds > MaxIntervalSeconds)
                {
                    request.RefusedValue = request.IntervalSeconds;
                    return CommandError.OutOfRange;
                }

                if (request.IntervalSeconds < MinIntervalSeconds)
                {
                    request.RefusedValue = request.IntervalSeconds;
                    return CommandError.IntervalBelowMinimum;
                }
            }

            if (request.HasBatch && (request.BatchSize < MinBatchSize || request.BatchSize > MaxBatchSize))
            {
                request.RefusedValue = request.BatchSize;
                return CommandError.OutOfRange;
            }

            return CommandError.None;
        }

        /// <summary>Second pass over a document already known to be well formed.</summary>
        private static CommandError ParseSettings(CommandKind kind, byte[] payload, int offset, int length, CommandRequest request)
        {
            JsonReader reader = new JsonReader(payload, offset, length, MaxDepth);
            reader.Read();
            switch (reader.Token)
            {
                case JsonToken.Number:
                case JsonToken.String:
                    long value;
                    CommandError error = ReadInteger(reader, payload, offset, out value);
                    return error != CommandError.None ? error : Assign(request, kind == CommandKind.Interval ? 1 : 2, value);

                case JsonToken.StartObject:
                    return ParseItem(reader, payload, offset, request);

                case JsonToken.StartArray:
                    bool any = false;
                    while (reader.Read() && reader.Token != JsonToken.EndArray)
                    {
                        if (reader.Token != JsonToken.StartObject)
                        {
                            return CommandError.InvalidValue;
                        }

                        CommandError itemError = ParseItem(reader, payload, offset, request);
                        if (itemError != CommandError.None)
                        {
                            return itemError;
                        }

                        any = true;
                    }

                    return any ? CommandError.None : CommandError.MissingValue;

                default:
                    return CommandError.InvalidValue;
            }
        }

        /// <summary>Reads one <c>{"variable":…,"value":…}</c> object; the reader stands on its StartObject and ends on
        /// its EndObject. Members may come in any order.</summary>
        private static CommandError ParseItem(JsonReader reader, byte[] payload, int offset, CommandRequest request)
        {
            int which = 0; // 0: no variable yet, 1: interval, 2: batch, -1: unknown
            bool hasValue = false;
            long value = 0;
            CommandError valueError = CommandError.None;
            while (reader.Read() && reader.Token == JsonToken.PropertyName)
            {
                if (reader.ValueEquals(s_variable))
                {
                    reader.Read();
                    if (which != 0)
                    {
                        return CommandError.DuplicateVariable;
                    }

                    if (reader.Token != JsonToken.String)
                    {
                        return CommandError.InvalidValue;
                    }

                    which = reader.ValueEquals(s_interval) ? 1 : (reader.ValueEquals(s_batch) ? 2 : -1);
                }
                else if (reader.ValueEquals(s_value))
                {
                    reader.Read();
                    if (hasValue)
                    {
                        return CommandError.DuplicateVariable;
                    }

                    hasValue = true;
                    valueError = ReadInteger(reader, payload, offset, out value);
                    reader.Skip();
                }
                else
                {
                    reader.Skip();
                }
            }

            if (which == 0 || !hasValue)
            {
                return CommandError.MissingValue;
            }

            if (which < 0)
            {
                return CommandError.UnknownVariable;
            }

            return valueError != CommandError.None ? valueError : Assign(request, which, value);
        }

        private static CommandError Assign(CommandRequest request, int which, long value)
        {
            // Clamp huge values into int range while keeping them out of range for the check that follows.
            int v = value > int.MaxValue ? int.MaxValue : (value < int.MinValue ? int.MinValue : (int)value);
            if (which == 1)
            {
                if (request.HasInterval)
                {
                    return CommandError.DuplicateVariable;
                }

                request.HasInterval = true;
                request.IntervalSeconds = v;
            }
            else
            {
                if (request.HasBatch)
                {
                    return CommandError.DuplicateVariable;
                }

                request.HasBatch = true;
                request.BatchSize = v;
            }

            return CommandError.None;
        }

        /// <summary>An integer number, or a string of 1…9 ASCII digits (checked on the raw bytes, so escapes fail).</summary>
        private static CommandError ReadInteger(JsonReader reader, byte[] payload, int offset, out long value)
        {
            value = 0;
            if (reader.Token == JsonToken.Number)
            {
                return reader.TryGetInt64(out value) ? CommandError.None : CommandError.InvalidValue;
            }

            if (reader.Token != JsonToken.String)
            {
                return CommandError.InvalidValue;
            }

            int n = reader.TokenLength;
            if (n < 1 || n > 9)
            {
                return CommandError.InvalidValue;
            }

            int start = offset + reader.TokenOffset;
            for (int i = 0; i < n; i++)
            {
                byte b = payload[start + i];
                if (b < (byte)'0' || b > (byte)'9')
                {
                    value = 0;
                    return CommandError.InvalidValue;
                }

                value = value * 10 + (b - (byte)'0');
            }

            return CommandError.None;
        }

        private static bool IsWellFormed(byte[] payload, int offset, int length)
        {
            JsonReader reader = new JsonReader(payload, offset, length, MaxDepth);
            while (reader.Read())
            {
            }

            return reader.Error == JsonError.None;
        }

        /// <summary>True when every byte is JSON whitespace (RFC 8259 §2: space, tab, LF, CR).</summary>
        private static bool IsBlank(byte[] payload, int offset, int length)
        {
            for (int i = offset; i < offset + length; i++)
            {
                byte b = payload[i];
                if (b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool StartsWithOrdinal(string text, string prefix)
        {
            // Substring + == is ordinal everywhere; string.StartsWith(string) is culture-sensitive on .NET.
            return text.Length >= prefix.Length && text.Substring(0, prefix.Length) == prefix;
        }
    }
}
