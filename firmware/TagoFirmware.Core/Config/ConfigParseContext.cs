using System.Collections;
using TagoFirmware.Json;

namespace TagoFirmware.Config
{
    /// <summary>
    /// Reading helpers of <see cref="NodeConfigParser"/>: one reader over an already syntax-checked document, the issue
    /// list, and typed value reads that report a wrong JSON type against the field path and skip the value.
    /// </summary>
    internal sealed class ConfigParseContext
    {
        private readonly JsonReader _reader;
        private readonly ArrayList _issues;

        /// <summary>Creates the context.</summary>
        internal ConfigParseContext(JsonReader reader, ArrayList issues)
        {
            _reader = reader;
            _issues = issues;
        }

        /// <summary>The reader.</summary>
        internal JsonReader Reader
        {
            get { return _reader; }
        }

        /// <summary>Adds an error.</summary>
        internal void Error(string path, string message)
        {
            _issues.Add(new ConfigIssue(ConfigSeverity.Error, path, message));
        }

        /// <summary>Adds a warning.</summary>
        internal void Warning(string path, string message)
        {
            _issues.Add(new ConfigIssue(ConfigSeverity.Warning, path, message));
        }

        /// <summary>Describes the current value token for "got …" messages (never the value itself: it may be a secret).</summary>
        internal string Describe()
        {
            switch (_reader.Token)
            {
                case JsonToken.StartObject:
                    return "an object";
                case JsonToken.StartArray:
                    return "an array";
                case JsonToken.String:
                    return "a string";
                case JsonToken.Number:
                    return "a number";
                case JsonToken.True:
                    return "true";
                case JsonToken.False:
                    return "false";
                case JsonToken.Null:
                    return "null";
                default:
                    return "nothing";
            }
        }

        /// <summary>Moves onto the value of the current property (or the next array item).</summary>
        internal bool NextValue()
        {
            return _reader.Read();
        }

        /// <summary>With the reader on a value: true if it is an object; otherwise reports it and skips it.</summary>
        internal bool IsObject(string path)
        {
            if (_reader.Token == JsonToken.StartObject)
            {
                return true;
            }

            Error(path, "must be an object { ... }, got " + Describe());
            _reader.Skip();
            return false;
        }

        /// <summary>Inside an object: moves to the next member name; false at the closing brace.</summary>
        internal bool NextKey()
        {
            return _reader.Read() && _reader.Token == JsonToken.PropertyName;
        }

        /// <summary>
        /// With the reader on a member name: its index in <paramref name="keys"/>, or -1 after handling it here (the value
        /// skipped): names starting with <c>_</c> are comments and ignored; unknown names and repeated names are errors.
        /// </summary>
        internal int MatchKey(byte[][] keys, string[] names, string path, ref int seen)
        {
            for (int i = 0; i < keys.Length; i++)
            {
                if (_reader.ValueEquals(keys[i]))
                {
                    int bit = 1 << i;
                    if ((seen & bit) != 0)
                    {
                        Error(Join(path, names[i]), "appears twice; give each key once");
                        _reader.Skip();
                        return -1;
                    }

                    seen |= bit;
                    return i;
                }
            }

            string name = _reader.GetString();
            if (name.Length > 0 && name.Substring(0, 1) == "_")
            {
                _reader.Skip();
                return -1;
            }

            string allowed = string.Empty;
            for (int i = 0; i < names.Length; i++)
            {
                allowed += (i == 0 ? string.Empty : ", ") + names[i];
            }

            Error(Join(path, Shorten(name)), "unknown key (allowed here: " + allowed + "; keys starting with '_' are comments)");
            _reader.Skip();
            return -1;
        }

        /// <summary>Reads the next value as an integer that fits an <see cref="int"/>; reports and skips anything else.</summary>
        internal bool Int(string path, out int value)
        {
            value = 0;
            if (!NextValue())
            {
                return false;
            }

            if (_reader.Token == JsonToken.Number)
            {
                if (_reader.TryGetInt32(out value))
                {
                    return true;
                }

                long l;
                Error(path, _reader.TryGetInt64(out l) ? "is out of range" : "must be a whole number (no fraction or exponent)");
                return false;
            }

            Error(path, "must be a whole number, got " + Describe());
            _reader.Skip();
            return false;
        }

        /// <summary>Reads the next value as an integer or null; <paramref name="isNull"/> tells which.</summary>
        internal bool IntOrNull(string path, out int value, out bool isNull)
        {
            value = 0;
            isNull = false;
            if (!NextValue())
            {
                return false;
            }

            if (_reader.Token == JsonToken.Null)
            {
                isNull = true;
                return true;
            }

            if (_reader.Token == JsonToken.Number && _reader.TryGetInt32(out value))
            {
                return true;
            }

            Error(path, "must be a whole number or null, got " + Describe());
            _reader.Skip();
            return false;
        }

        /// <summary>Reads the next value as a finite number.</summary>
        internal bool Number(string path, out double value)
        {
            value = 0;
            if (!NextValue())
            {
                return false;
            }

            if (_reader.Token == JsonToken.Number && _reader.TryGetDouble(out value))
            {
                return true;
            }

            Error(path, "must be a number, got " + Describe());
            _reader.Skip();
            return false;
        }

        /// <summary>Reads the next value as true or false.</summary>
        internal bool Bool(string path, out bool value)
        {
            value = false;
            if (!NextValue())
            {
                return false;
            }

            if (_reader.Token == JsonToken.True || _reader.Token == JsonToken.False)
            {
                value = _reader.Token == JsonToken.True;
                return true;
            }

            Error(path, "must be true or false, got " + Describe());
            _reader.Skip();
            return false;
        }

        /// <summary>Reads the next value as a string (or null when <paramref name="allowNull"/>).</summary>
        internal bool String(string path, bool allowNull, out string value)
        {
            value = null;
            if (!NextValue())
            {
                return false;
            }

            if (_reader.Token == JsonToken.String)
            {
                value = _reader.GetString();
                return true;
            }

            if (allowNull && _reader.Token == JsonToken.Null)
            {
                return true;
            }

            Error(path, (allowNull ? "must be a string or null, got " : "must be a string, got ") + Describe());
            _reader.Skip();
            return false;
        }

        /// <summary>"group.key", or "key" at the root.</summary>
        internal static string Join(string path, string key)
        {
            return path == null || path.Length == 0 ? key : path + "." + key;
        }

        /// <summary>Shortens user text echoed in a message to 40 characters.</summary>
        internal static string Shorten(string text)
        {
            if (text.Length <= 40)
            {
                return text;
            }

            return text.Substring(0, 40) + "...";
        }
    }
}
