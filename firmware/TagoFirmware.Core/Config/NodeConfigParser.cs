using System.Collections;
using TagoFirmware.Json;

namespace TagoFirmware.Config
{
    /// <summary>Reads the config file (UTF-8 JSON, optional BOM) in one pass driven by <see cref="ConfigKeys"/> and validates it; the one rule set of firmware, twin and flash.ps1. Never throws.</summary>
    /// <remarks>Invalid JSON gets only its syntax error. Unknown and repeated keys are errors (a misspelt key would leave a default in place for months); keys starting with <c>_</c> are comments.</remarks>
    public static class NodeConfigParser
    {
        /// <summary>Value left in an int the parser already reported, so the validator does not report it again.</summary>
        internal const int ReportedInvalid = int.MinValue;

        private const string File = "(file)";

        private const int MaxDepth = 8; // a config nests 3 deep (root, sensors, sensor)

        /// <summary>Parses and validates a whole config file; <paramref name="supplied"/> (by <see cref="ConfigKey.Id"/>, may be null) are string values from flags or the environment that replace the file's, and the host twin, which has no WiFi, passes false for <paramref name="requireWifi"/>.</summary>
        public static ConfigResult Parse(byte[] utf8, string[] supplied, bool requireWifi)
        {
            NodeConfig config = new NodeConfig();
            ConfigResult result = new ConfigResult(config);
            int length = utf8 == null ? 0 : utf8.Length;
            if (length == 0 || length > NodeConfig.MaxFileBytes)
            {
                result.Error(File, length == 0 ? "the config file is empty or missing"
                    : "is " + length + " bytes; at most " + NodeConfig.MaxFileBytes + " bytes allowed (put large CAs in files on I:\\)");
                return result;
            }

            // Windows editors may save UTF-8 with a byte-order mark; RFC 8259 §8.1 lets a parser ignore it.
            int offset = length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
            JsonReader r = new JsonReader(utf8, offset, length - offset, MaxDepth);
            bool isObject = !r.Read() || r.Token == JsonToken.StartObject;
            if (isObject)
            {
                ReadObject(r, null, config, string.Empty, result);
            }
            else
            {
                result.Error(File, MustBe(ConfigKey.Group, false, r));
                r.Skip();
            }

            while (r.Read())
            {
            }

            if (r.Error != JsonError.None)
            {
                int line = 1;
                int column = 1;
                for (int i = offset; i < offset + r.ErrorOffset && i < length; i++)
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

                result = new ConfigResult(new NodeConfig());
                result.Error(File, "is not valid JSON at line " + line + ", column " + column + " (byte " + r.ErrorOffset + "): " + Nth(Syntax, (int)r.Error));
                return result;
            }

            if (!isObject)
            {
                return result;
            }

            for (int i = 0; supplied != null && i < supplied.Length; i++)
            {
                if (supplied[i] != null)
                {
                    config.Set(ConfigKeys.Rows[i], supplied[i]);
                }
            }

            NodeConfigValidator.ValidateInto(config, requireWifi, result);
            return result;
        }

        private static void ReadObject(JsonReader r, ConfigKey group, ConfigValues target, string path, ConfigResult result)
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
                        result.Error((path.Length == 0 ? string.Empty : path + ".") + Shorten(r.GetString()), "unknown key (allowed here: " + Names(group) + "; '_' keys are comments)");
                    }

                    r.Skip();
                    continue;
                }

                key = found;
                ulong bit = 1UL << key.Id;
                if ((seen & bit) != 0)
                {
                    result.Error(Where(path, key), "appears twice");
                    r.Skip();
                    continue;
                }

                seen |= bit;
                if (r.Read())
                {
                    ReadValue(r, key, target, path, result);
                }
            }

            // Plain TCP only when asked for explicitly: with "tls": false and no port, use MQTT's plain port.
            if (group == ConfigKeys.Mqtt && !target.Flag(ConfigKeys.MqttTls) && (seen & (1UL << ConfigKeys.MqttPort.Id)) == 0)
            {
                target.Set(ConfigKeys.MqttPort, NodeConfig.PlainPort);
            }
        }

        /// <summary>The key of <paramref name="group"/> the reader stands on, or null; the search starts after <paramref name="last"/> (files usually follow the table).</summary>
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

        private static void ReadValue(JsonReader r, ConfigKey key, ConfigValues target, string path, ConfigResult result)
        {
            JsonToken token = r.Token;
            int type = key.Type;
            bool nullable = key.Has(ConfigKey.Nullable);
            bool isNull = token == JsonToken.Null && nullable;
            bool isString = token == JsonToken.String;
            long l;
            int n;
            if (type == ConfigKey.Text && (isNull || isString))
            {
                target.Set(key, isNull ? key.DefaultText : r.GetString());
            }
            else if (type == ConfigKey.Int && ((r.TryGetInt64(out l) && (int)l == l && l != ReportedInvalid) || isNull))
            {
                // int.MinValue is the "already reported" mark: refused like any number out of range.
                Store(target, key, path, isNull ? ConfigKeys.NoPin : (int)l, result);
            }
            else if (type == ConfigKey.Bool && (token == JsonToken.True || token == JsonToken.False))
            {
                target.Set(key, token == JsonToken.True);
            }
            else if (type == ConfigKey.Group && token == JsonToken.StartObject)
            {
                ReadObject(r, key, target, key.Path, result);
            }
            else if (type == ConfigKey.Choice && isString)
            {
                string name = r.GetString().ToLower();
                int i = System.Array.IndexOf(key.Choices, name);
                target.Set(key, name); // as written, for logs, even when refused
                target.Set(key, i < 0 ? key.DefaultNumber : key.ChoiceValues[i]);
                result.Error(Where(path, key), i < 0 ? NotAllowed(name, key.ChoiceList()) : null);
            }
            else if (type == ConfigKey.Tenths && r.TryGetTenths(out n))
            {
                Store(target, key, path, n, result);
            }
            else if (type == ConfigKey.TextList && (isNull || isString || token == JsonToken.StartArray))
            {
                target.Set(key, isNull ? new string[0] : isString ? new string[] { r.GetString() }
                    : ReadItems(r, null, Where(path, key), result).ToArray(typeof(string)));
            }
            else if (type == ConfigKey.SensorList && token == JsonToken.StartArray)
            {
                ((NodeConfig)target).Sensors = (SensorConfig[])ReadItems(r, key, key.Name, result).ToArray(typeof(SensorConfig));
            }
            else
            {
                if (type == ConfigKey.Int)
                {
                    target.Set(key, ReportedInvalid);
                }

                result.Error(Where(path, key), type != ConfigKey.Int || token != JsonToken.Number ? MustBe(type, nullable, r)
                    : r.TryGetInt64(out l) ? "is out of range" : "must be a whole number (no fraction or exponent)");
                r.Skip();
            }
        }

        /// <summary>Stores a number and reports it when outside the key's range, unless the validator checks it.</summary>
        private static void Store(ConfigValues target, ConfigKey key, string path, int n, ConfigResult result)
        {
            target.Set(key, n);
            if ((n < key.Min || n > key.Max) && !key.Has(ConfigKey.OwnRule))
            {
                result.Error(Where(path, key), key.RangeProblem(n, key.Min, key.Max));
            }
        }

        private static string Where(string path, ConfigKey key) => key.InSensor ? path + "." + key.Name : key.Path;

        /// <summary>A string array or the sensors array (<paramref name="group"/>): its good items; each bad one is an error.</summary>
        private static ArrayList ReadItems(JsonReader r, ConfigKey group, string path, ConfigResult result)
        {
            ArrayList items = new ArrayList();
            for (int i = 0; r.Read() && r.Token != JsonToken.EndArray; i++)
            {
                string at = path + "[" + i + "]";
                if (group == null && r.Token == JsonToken.String)
                {
                    items.Add(r.GetString());
                }
                else if (group != null && r.Token == JsonToken.StartObject)
                {
                    SensorConfig s = new SensorConfig();
                    ReadObject(r, group, s, at, result);
                    items.Add(s);
                }
                else
                {
                    result.Error(at, MustBe(group == null ? ConfigKey.Text : ConfigKey.Group, false, r));
                    r.Skip();
                }
            }

            return items;
        }

        private static string Names(ConfigKey group)
        {
            string names = string.Empty;
            for (ConfigKey key = ConfigKeys.FirstIn(group); key != null; key = key.Next)
            {
                names += (names.Length == 0 ? string.Empty : ", ") + key.Name;
            }

            return names;
        }

        /// <summary>What a <see cref="ConfigKey.Type"/> accepts and what the reader found instead (never the value: it may be a secret).</summary>
        private static string MustBe(int type, bool nullable, JsonReader r) => "must be " + Nth("an object { ... }|a whole number|true or false|a string|a number (no exponent)|a string|an array of strings|an array of sensor objects", type)
            + (nullable ? " or null, got " : ", got ") + Nth("null|an object|null|an array|null|null|a string|a number|true|false|null", (int)r.Token);

        internal static string NotAllowed(string value, string allowed) => "\"" + Shorten(value) + "\" is not allowed: use " + allowed;

        internal static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "...";

        /// <summary>What each <see cref="JsonError"/> means for a config file, in the enum's order, for <see cref="Nth"/>.</summary>
        private const string Syntax = "invalid JSON|"
            + "ends too early (missing bracket or quote?)|"
            + "unexpected character (JSON has no comments; use double quotes)|"
            + "text after the end|"
            + "nested too deep|"
            + "invalid backslash escape (write \\ as \\\\)|"
            + "invalid \\u escape (lone UTF-16 surrogate)|"
            + "control character in a string (write \\n)|"
            + "not UTF-8|"
            + "malformed number|"
            + "leading zero|"
            + "misspelt true, false or null|"
            + "expected a quoted key (JSON has no comments or trailing commas)|"
            + "expected ':' after the key|"
            + "expected ',' or a closing bracket|"
            + "trailing comma|"
            + "mismatched bracket";

        /// <summary>Item <paramref name="n"/> of a '|'-separated table.</summary>
        internal static string Nth(string table, int n)
        {
            int at = 0;
            for (; n > 0; n--)
            {
                at = table.IndexOf('|', at) + 1;
            }

            int end = table.IndexOf('|', at);
            return table.Substring(at, (end < 0 ? table.Length : end) - at);
        }
    }
}
