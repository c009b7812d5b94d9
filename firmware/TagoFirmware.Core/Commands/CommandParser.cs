using TagoFirmware.Config;
using TagoFirmware.Json;
using TagoFirmware.Payload;

namespace TagoFirmware.Commands
{
    /// <summary>Parses and validates one downlink message (docs/commands.md), changing nothing, never throwing; the command is the topic's last level (case-sensitive); malformed bytes are refused even for <c>reboot</c>, so line noise cannot reboot the node.</summary>
    public sealed class CommandParser
    {
        /// <summary>Largest payload accepted, in bytes.</summary>
        public const int MaxPayloadBytes = 512;

        // Kind of the two setting commands (index in Names).
        private const int IntervalKind = 3;
        private const int BatchKind = 4;

        // Nesting allowed: array → item object → a metadata object/array inside it.
        private const int MaxDepth = 4;

        /// <summary>Command names (last topic level) by <see cref="Kind"/>.</summary>
        internal static readonly string[] Names = "(unknown) reboot ping interval batch diagnostics".Split(' ');

        private static readonly byte[] s_variable = TagoUtf8.GetBytes("variable");
        private static readonly byte[] s_value = TagoUtf8.GetBytes("value");
        private static readonly byte[] s_interval = TagoUtf8.GetBytes("interval");
        private static readonly byte[] s_batch = TagoUtf8.GetBytes("batch");

        private readonly string _prefix;

        // Settings the message named so far: bit 0 interval, bit 1 batch; their values by bit (1, 2).
        private int _set;
        private readonly long[] _values = new long[3];

        /// <summary>Creates a parser for a validated topic filter ending in <c>/+</c> and a minimum interval.</summary>
        public CommandParser(string topicFilter, int minIntervalSeconds)
        {
            _prefix = topicFilter.Substring(0, topicFilter.Length - 1);
            MinIntervalSeconds = minIntervalSeconds;
        }

        /// <summary>The smallest interval accepted, in seconds.</summary>
        public int MinIntervalSeconds { get; }

        /// <summary>The last message's command, set even when refused: 0 none, 1 reboot, 2 ping, 3 interval, 4 batch, 5 diagnostics.</summary>
        public int Kind { get; private set; }

        /// <summary>The value an accepted message sets for a setting (1 interval s, 2 batch); 0 when it sets none.</summary>
        public int Value(int which) => (int)_values[which];

        /// <summary>The offending number of a size or range error, for the log line.</summary>
        public long RefusedValue { get; private set; }

        /// <summary>Parses and validates one message into this parser's result properties. Never throws.</summary>
        public CommandError Parse(string topic, byte[] payload)
        {
            _set = 0;
            _values[1] = _values[2] = 0;
            RefusedValue = 0;

            // Substring + == is ordinal everywhere; string.StartsWith(string) is culture-sensitive on .NET.
            int n = _prefix.Length;
            string name = topic != null && topic.Length >= n && topic.Substring(0, n) == _prefix ? topic.Substring(n) : null;
            int kind = Names.Length - 1;
            while (kind > 0 && name != Names[kind])
            {
                kind--;
            }

            Kind = kind;
            if (kind == 0)
            {
                return name == null || name.IndexOf('/') >= 0 ? CommandError.TopicMismatch : CommandError.UnknownCommand;
            }

            int length = payload == null ? 0 : payload.Length;
            if (length > MaxPayloadBytes)
            {
                RefusedValue = length;
                return CommandError.PayloadTooLarge;
            }

            bool setting = kind == IntervalKind || kind == BatchKind;
            if (IsBlank(payload))
            {
                return setting ? CommandError.MissingValue : CommandError.None;
            }

            // One pass: the settings are read first, then the rest is checked, so malformed JSON wins over any other error.
            JsonReader reader = new JsonReader(payload, 0, payload.Length, MaxDepth);
            CommandError error = setting ? ParseSettings(kind, reader, payload) : CommandError.None;
            while (reader.Read())
            {
            }

            if (reader.Error != JsonError.None)
            {
                return CommandError.MalformedJson;
            }

            if (!setting || error != CommandError.None)
            {
                return error;
            }

            return (_set & (kind - IntervalKind + 1)) == 0 ? CommandError.MissingValue : CheckRanges();
        }

        private CommandError CheckRanges()
        {
            for (int which = 1; which <= 2; which++)
            {
                CommandError error = (_set & which) == 0 ? CommandError.None : Check(which, _values[which]);
                if (error != CommandError.None)
                {
                    RefusedValue = _values[which];
                    return error;
                }
            }

            return CommandError.None;
        }

        /// <summary>Why a value of a setting (1 interval s, 2 batch) is refused, or None; the ranges are the config file's.</summary>
        public CommandError Check(int which, long value)
        {
            if (value < 1 || value > (which == 1 ? ConfigKeys.SamplingInterval : ConfigKeys.SamplingBatch).Max)
            {
                return CommandError.OutOfRange;
            }

            return which == 1 && value < MinIntervalSeconds ? CommandError.IntervalBelowMinimum : CommandError.None;
        }

        private CommandError ParseSettings(int kind, JsonReader reader, byte[] payload)
        {
            reader.Read();
            long value;
            bool array = reader.Token == JsonToken.StartArray;
            if (!array && reader.Token != JsonToken.StartObject)
            {
                CommandError error = ReadInteger(reader, payload, out value);
                return error != CommandError.None ? error : Assign(kind - IntervalKind + 1, value);
            }

            // One item object, or an array of them.
            bool any = false;
            while (array ? reader.Read() && reader.Token != JsonToken.EndArray : !any)
            {
                if (reader.Token != JsonToken.StartObject)
                {
                    return CommandError.InvalidValue;
                }

                CommandError itemError = ParseItem(reader, payload);
                if (itemError != CommandError.None)
                {
                    return itemError;
                }

                any = true;
            }

            return any ? CommandError.None : CommandError.MissingValue;
        }

        // One {"variable":…,"value":…} object, members in any order; the reader goes from its StartObject to its EndObject.
        private CommandError ParseItem(JsonReader reader, byte[] payload)
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
                    valueError = ReadInteger(reader, payload, out value);
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

            return valueError != CommandError.None ? valueError : Assign(which, value);
        }

        private CommandError Assign(int which, long value)
        {
            if ((_set & which) != 0)
            {
                return CommandError.DuplicateVariable;
            }

            _set |= which;
            _values[which] = value;
            return CommandError.None;
        }

        /// <summary>An integer number, or a string of 1…9 ASCII digits (checked on the raw bytes, so escapes fail).</summary>
        private static CommandError ReadInteger(JsonReader reader, byte[] payload, out long value)
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

            int start = reader.TokenOffset;
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

        /// <summary>True when every byte is JSON whitespace (RFC 8259 §2: space, tab, LF, CR).</summary>
        private static bool IsBlank(byte[] payload)
        {
            for (int i = 0; payload != null && i < payload.Length; i++)
            {
                byte b = payload[i];
                if (b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
