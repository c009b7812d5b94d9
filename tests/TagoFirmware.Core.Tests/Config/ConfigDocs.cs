using TagoFirmware.Config;
using TagoFirmware.Tests.Json;

namespace TagoFirmware.Tests.Config
{
    /// <summary>Builds small config documents for the config tests: a valid minimal file plus the parts a test changes.</summary>
    public static class ConfigDocs
    {
        /// <summary>A clearly fake token with the UUID shape TagoIO uses.</summary>
        public const string FakeToken = "12345678-90ab-cdef-1234-567890abcdef";

        /// <summary>A clearly fake WiFi password.</summary>
        public const string FakePassword = "not-a-real-password";

        /// <summary>
        /// A document with a valid wifi group, token and one DHT22 on GPIO26/27, plus <paramref name="root"/> (members
        /// of the root object, comma-separated). When <paramref name="root"/> starts with <c>"wifi"</c>, <c>"token"</c>
        /// or <c>"sensors"</c>, that default part is left out so the test's version is the only one.
        /// </summary>
        public static string Doc(string root)
        {
            string s = "{";
            if (!root.StartsWith("\"wifi\""))
            {
                s += "\"wifi\":{\"ssid\":\"example-net\",\"password\":\"" + FakePassword + "\"},";
            }

            if (!root.StartsWith("\"token\""))
            {
                s += "\"token\":\"" + FakeToken + "\",";
            }

            if (!root.StartsWith("\"sensors\""))
            {
                s += "\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27}],";
            }

            s += root;
            if (s.EndsWith(","))
            {
                s = s.Substring(0, s.Length - 1);
            }

            return s + "}";
        }

        /// <summary>Parses <see cref="Doc"/> of <paramref name="root"/> with the default rules.</summary>
        public static ConfigResult Parse(string root)
        {
            return NodeConfigParser.Parse(TestUtf8.Bytes(Doc(root)), null, true);
        }

        /// <summary>Parses a complete document text with the device's rules.</summary>
        public static ConfigResult ParseText(string json)
        {
            return NodeConfigParser.Parse(TestUtf8.Bytes(json), null, true);
        }

        /// <summary>The line of the first error with this exact path, or null.</summary>
        public static string Error(ConfigResult result, string path) => Find(result, "error: " + path + ": ");

        /// <summary>The line of the first warning with this exact path, or null.</summary>
        public static string Warning(ConfigResult result, string path) => Find(result, "warning: " + path + ": ");

        private static string Find(ConfigResult result, string prefix)
        {
            string[] lines = result.Lines();
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith(prefix))
                {
                    return lines[i];
                }
            }

            return null;
        }

        /// <summary>All issue lines joined, for failure messages and "contains" checks.</summary>
        public static string AllLines(ConfigResult result)
        {
            string[] lines = result.Lines();
            string s = string.Empty;
            for (int i = 0; i < lines.Length; i++)
            {
                s += lines[i] + "\n";
            }

            return s;
        }
    }
}
