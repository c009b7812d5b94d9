using System.Collections;
using TagoFirmware.Json;

namespace TagoFirmware.Config
{
    /// <summary>
    /// Reads the device config file (UTF-8 JSON; a leading byte-order mark is skipped) into a <see cref="NodeConfig"/> in
    /// one pass driven by <see cref="ConfigKeys"/>, then validates it with <see cref="NodeConfigValidator"/>: the one set
    /// of rules used by the firmware at boot, the host twin (<c>--config</c>, <c>--check-config</c>) and flash.ps1.
    /// </summary>
    /// <remarks>
    /// Every problem is reported, each naming the key and what is allowed; a file that is not valid JSON gets only its
    /// syntax error. Unknown and repeated keys are errors (a misspelt key would otherwise leave a default in place on a
    /// node that runs for months); keys starting with <c>_</c> are comments. Never throws.
    /// </remarks>
    public static class NodeConfigParser
    {
        /// <summary>Value left in an int the parser already reported, so the validator does not report it again.</summary>
        internal const int ReportedInvalid = int.MinValue;

        private const string File = "(file)";

        /// <summary>A config nests 3 deep (root, sensors, sensor); some slack, no more.</summary>
        private const int MaxDepth = 8;

        /// <summary>Parses and validates a whole config file.</summary>
        /// <param name="utf8">The file's bytes; null means the file could not be read.</param>
        /// <param name="rules">External validation parameters; null uses the device defaults.</param>
        /// <returns>The config and every issue found.</returns>
        public static ConfigResult Parse(byte[] utf8, ConfigRules rules)
        {
            ArrayList issues = new ArrayList();
            NodeConfig config = new NodeConfig();
            int length = utf8 == null ? 0 : utf8.Length;
            if (length == 0)
            {
                return Fail(config, issues, "the config file is empty or missing");
            }

            if (length > NodeConfig.MaxFileBytes)
            {
                return Fail(config, issues, "is " + length + " bytes; at most " + NodeConfig.MaxFileBytes
                    + " bytes are allowed (put large CA bundles in their own files on I:\\)");
            }

            // Windows editors may save UTF-8 with a byte-order mark; RFC 8259 §8.1 lets a parser ignore it.
            int offset = length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
            JsonReader r = new JsonReader(utf8, offset, length - offset, MaxDepth);
            bool[] given = new bool[ConfigKeys.Count];
            if (r.Read() && r.Token != JsonToken.StartObject)
            {
                issues.Add(new ConfigIssue(ConfigSeverity.Error, File, "must be a JSON object { ... } holding the settings, got " + Describe(r)));
                r.Skip();
            }
            else
            {
                ReadObject(r, null, config, string.Empty, issues, given);
            }

            while (r.Read())
            {
            }

            if (r.Error != JsonError.None)
            {
                return Fail(new NodeConfig(), new ArrayList(), SyntaxMessage(utf8, offset, r.Error, r.ErrorOffset));
            }

            if (issues.Count > 0 && ((ConfigIssue)issues[0]).Path == File)
            {
                return new ConfigResult(config, issues);
            }

            // Plain TCP only when asked for explicitly: with "tls": false and no port, use MQTT's plain port.
            if (given[ConfigKeys.MqttTls.Id] && !config.Mqtt.Tls && !given[ConfigKeys.MqttPort.Id])
            {
                config.Mqtt.Port = MqttConfig.PlainPort;
            }

            rules = rules == null ? new ConfigRules() : rules;
            ConfigKey[] all = ConfigKeys.Rows;
            for (int i = 0; rules.AnySupplied && i < all.Length; i++)
            {
                string supplied = rules.Supplied(all[i]);
                if (supplied != null)
                {
                    config.SetValue(all[i], supplied);
                }
            }

            NodeConfigValidator.ValidateInto(config, rules, issues);
            return new ConfigResult(config, issues);
        }

        /// <summary>Reads the members of the object the reader stands on into <paramref name="target"/>.</summary>
        private static void ReadObject(JsonReader r, ConfigKey group, ConfigValues target, string path, ArrayList issues, bool[] given)
        {
            ulong seen = 0;
            ConfigKey key = null;
            while (r.Read() && r.Token == JsonToken.PropertyName)
            {
                int first = r.FirstByte;
                ConfigKey found = first == '_' ? null : Find(r, group, key, first);
                if (found == null)
                {
                    if (first != '_')
                    {
                        Error(issues, Join(path, Shorten(r.GetString())), "unknown key (allowed here: " + Names(group) + "; keys starting with '_' are comments)");
                    }

                    r.Skip();
                    continue;
                }

                key = found;
                string keyPath = Join(path, key.Name);
                ulong bit = 1UL << key.Id;
                if ((seen & bit) != 0)
                {
                    Error(issues, keyPath, "appears twice; give each key once");
                    r.Skip();
                    continue;
                }

                seen |= bit;
                given[key.Id] = true;
                if (r.Read())
                {
                    ReadValue(r, key, target, keyPath, issues, given);
                }
            }
        }

        /// <summary>
        /// The key of <paramref name="group"/> the reader stands on, or null. Files usually follow the table's order, so
        /// the search starts after the <paramref name="last"/> key found and wraps around; the first byte and the length
        /// rule out most keys before the reader compares bytes (an escape only lengthens a name).
        /// </summary>
        private static ConfigKey Find(JsonReader r, ConfigKey group, ConfigKey last, int first)
        {
            ConfigKey start = last != null && last.Next != null ? last.Next : ConfigKeys.FirstIn(group);
            ConfigKey key = start;
            int length = r.TokenLength;
            do
            {
                byte[] name = key.NameBytes;
                if ((name[0] == first || first == '\\') && name.Length <= length && r.ValueEquals(name))
                {
                    return key;
                }

                key = key.Next != null ? key.Next : ConfigKeys.FirstIn(group);
            }
            while (key != start);
            return null;
        }

        private static void ReadValue(JsonReader r, ConfigKey key, ConfigValues target, string path, ArrayList issues, bool[] given)
        {
            JsonToken token = r.Token;
            bool isNull = token == JsonToken.Null && key.Has(ConfigKey.Nullable);
            switch (key.Type)
            {
                case ConfigType.Group:
                    if (token == JsonToken.StartObject)
                    {
                        ReadObject(r, key, target, path, issues, given);
                        return;
                    }

                    break;
                case ConfigType.SensorList:
                    if (token == JsonToken.StartArray)
                    {
                        ((NodeConfig)target).Sensors = ReadSensors(r, key, issues, given);
                        return;
                    }

                    break;
                case ConfigType.Int:
                    int n = 0;
                    if (isNull || (token == JsonToken.Number && r.TryGetInt32(out n)))
                    {
                        target.SetNumber(key, isNull ? -1 : n);
                        return;
                    }

                    target.SetNumber(key, ReportedInvalid);
                    long l;
                    if (token == JsonToken.Number)
                    {
                        Error(issues, path, r.TryGetInt64(out l) ? "is out of range" : "must be a whole number (no fraction or exponent)");
                        return;
                    }

                    break;
                case ConfigType.Bool:
                    if (token == JsonToken.True || token == JsonToken.False)
                    {
                        target.SetNumber(key, token == JsonToken.True ? 1 : 0);
                        return;
                    }

                    break;
                case ConfigType.Tenths:
                    int tenths;
                    if (r.TryGetTenths(out tenths))
                    {
                        target.SetNumber(key, tenths);
                        return;
                    }

                    break;
                case ConfigType.Choice:
                    if (token == JsonToken.String)
                    {
                        ReadChoice(key, r.GetString().ToLower(), target, path, issues);
                        return;
                    }

                    break;
                case ConfigType.TextList:
                    if (isNull || token == JsonToken.String || token == JsonToken.StartArray)
                    {
                        target.SetValue(key, ReadTexts(r, path, issues));
                        return;
                    }

                    break;
                default:
                    if (isNull || token == JsonToken.String)
                    {
                        target.SetValue(key, isNull ? key.DefaultText : r.GetString());
                        return;
                    }

                    break;
            }

            Error(issues, path, Expected(key) + ", got " + Describe(r));
            r.Skip();
        }

        /// <summary>What a key's value must be, for "got …" messages.</summary>
        private static string Expected(ConfigKey key)
        {
            string orNull = key.Has(ConfigKey.Nullable) ? " or null" : string.Empty;
            switch (key.Type)
            {
                case ConfigType.Group:
                    return "must be an object { ... }";
                case ConfigType.SensorList:
                    return "must be an array of sensor objects [ { ... } ]";
                case ConfigType.Int:
                    return "must be a whole number" + orNull;
                case ConfigType.Bool:
                    return "must be true or false";
                case ConfigType.Tenths:
                    return "must be a number such as -1.5 (no exponent)";
                case ConfigType.TextList:
                    return "must be an array of strings";
                default:
                    return "must be a string" + orNull;
            }
        }

        private static void ReadChoice(ConfigKey key, string value, ConfigValues target, string path, ArrayList issues)
        {
            if (target is SensorConfig)
            {
                ((SensorConfig)target).ModelName = value; // as written, for logs, even when refused
            }

            string allowed = string.Empty;
            for (int i = 0; i < key.Choices.Length; i++)
            {
                if (key.Choices[i] == value)
                {
                    target.SetNumber(key, key.ChoiceValues[i]);
                    return;
                }

                allowed += (i == 0 ? string.Empty : (i == key.Choices.Length - 1 ? " or " : ", ")) + key.Choices[i];
            }

            Error(issues, path, "\"" + Shorten(value) + "\" is not allowed: use " + allowed);
        }

        /// <summary>An array of strings, a single string (one entry) or null (none).</summary>
        private static string[] ReadTexts(JsonReader r, string path, ArrayList issues)
        {
            if (r.Token != JsonToken.StartArray)
            {
                return r.Token == JsonToken.String ? new string[] { r.GetString() } : new string[0];
            }

            ArrayList items = new ArrayList();
            for (int i = 0; r.Read() && r.Token != JsonToken.EndArray; i++)
            {
                if (r.Token == JsonToken.String)
                {
                    items.Add(r.GetString());
                    continue;
                }

                Error(issues, path + "[" + i + "]", "must be a string, got " + Describe(r));
                r.Skip();
            }

            string[] result = new string[items.Count];
            items.CopyTo(result, 0);
            return result;
        }

        private static SensorConfig[] ReadSensors(JsonReader r, ConfigKey key, ArrayList issues, bool[] given)
        {
            ArrayList list = new ArrayList();
            for (int i = 0; r.Read() && r.Token != JsonToken.EndArray; i++)
            {
                string path = "sensors[" + i + "]";
                if (r.Token != JsonToken.StartObject)
                {
                    Error(issues, path, "must be an object { ... }, got " + Describe(r));
                    r.Skip();
                    continue;
                }

                SensorConfig s = new SensorConfig();
                ReadObject(r, key, s, path, issues, given);
                list.Add(s);
            }

            SensorConfig[] sensors = new SensorConfig[list.Count];
            list.CopyTo(sensors, 0);
            for (int i = 0; i < sensors.Length; i++)
            {
                // Several sensors would otherwise publish the same variable names: number them.
                SensorConfig s = sensors[i];
                string number = sensors.Length > 1 ? (i + 1).ToString() : null;
                s.Name = s.Name != null ? s.Name : (s.ModelName == null ? "sensor" : s.ModelName) + (number == null ? string.Empty : "-" + number);
                s.Suffix = s.Suffix != null ? s.Suffix : (number == null ? string.Empty : "_" + number);
            }

            return sensors;
        }

        /// <summary>The names of a group's keys, for "allowed here" messages.</summary>
        private static string Names(ConfigKey group)
        {
            string names = string.Empty;
            for (ConfigKey key = ConfigKeys.FirstIn(group); key != null; key = key.Next)
            {
                names += (names.Length == 0 ? string.Empty : ", ") + key.Name;
            }

            return names;
        }

        /// <summary>Describes the current token for "got …" messages (never the value itself: it may be a secret).</summary>
        private static string Describe(JsonReader r)
        {
            switch (r.Token)
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
                default:
                    return "null";
            }
        }

        private static ConfigResult Fail(NodeConfig config, ArrayList issues, string message)
        {
            issues.Add(new ConfigIssue(ConfigSeverity.Error, File, message));
            return new ConfigResult(config, issues);
        }

        private static void Error(ArrayList issues, string path, string message)
        {
            issues.Add(new ConfigIssue(ConfigSeverity.Error, path, message));
        }

        private static string Join(string path, string key)
        {
            return path.Length == 0 ? key : path + "." + key;
        }

        /// <summary>Shortens user text echoed in a message to 40 characters.</summary>
        internal static string Shorten(string text)
        {
            return text.Length <= 40 ? text : text.Substring(0, 40) + "...";
        }

        /// <summary>"not valid JSON at line L, column C (byte B): what".</summary>
        private static string SyntaxMessage(byte[] utf8, int offset, JsonError error, int errorOffset)
        {
            int line = 1;
            int column = 1;
            for (int i = offset; i < offset + errorOffset && i < utf8.Length; i++)
            {
                byte b = utf8[i];
                if (b == (byte)'\n')
                {
                    line++;
                    column = 1;
                }
                else if ((b & 0xC0) != 0x80)
                {
                    column++; // count characters, not UTF-8 continuation bytes
                }
            }

            return "is not valid JSON at line " + line + ", column " + column + " (byte " + errorOffset + "): " + Describe(error);
        }

        private static string Describe(JsonError error)
        {
            switch (error)
            {
                case JsonError.UnexpectedEnd:
                    return "the file ends too early (a missing closing bracket, brace or quote?)";
                case JsonError.UnexpectedCharacter:
                    return "unexpected character (JSON has no comments, and strings need double quotes)";
                case JsonError.TrailingData:
                    return "text after the end of the settings object";
                case JsonError.DepthExceeded:
                    return "nested deeper than a config ever needs";
                case JsonError.InvalidEscape:
                    return "invalid backslash escape (write a Windows path's backslash as \\\\, e.g. \"I:\\\\ca.pem\")";
                case JsonError.InvalidSurrogate:
                    return "invalid \\u escape (unpaired UTF-16 surrogate)";
                case JsonError.ControlCharacterInString:
                    return "line break or control character inside a string (write it as \\n)";
                case JsonError.InvalidUtf8:
                    return "the file is not UTF-8 text";
                case JsonError.InvalidNumber:
                    return "malformed number";
                case JsonError.LeadingZero:
                    return "numbers must not have leading zeros";
                case JsonError.InvalidLiteral:
                    return "misspelt true, false or null";
                case JsonError.ExpectedPropertyName:
                    return "expected a key in double quotes (JSON has no comments or trailing commas)";
                case JsonError.ExpectedColon:
                    return "expected ':' after the key";
                case JsonError.ExpectedCommaOrEnd:
                    return "expected ',' or a closing bracket (a missing comma?)";
                case JsonError.TrailingComma:
                    return "comma before a closing bracket (JSON allows no trailing comma)";
                case JsonError.MismatchedBracket:
                    return "closing bracket does not match the opening one";
                default:
                    return "invalid JSON";
            }
        }

    }
}
