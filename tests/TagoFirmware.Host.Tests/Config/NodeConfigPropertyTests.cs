using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Config;

namespace TagoFirmware.Host.Tests.Config
{
    /// <summary>
    /// Property tests of the config parser: arbitrary bytes and arbitrary JSON shaped like a config never throw, every
    /// issue names a known field path, secrets never leak into any output line, and the shipped example file is what
    /// README says it is.
    /// </summary>
    [TestClass]
    public class NodeConfigPropertyTests
    {
        private static readonly string[] s_groups = { "wifi", "mqtt", "sampling", "queue", "sleep", "timeouts", "diagnostics" };

        private static readonly Dictionary<string, string[]> s_keys = new Dictionary<string, string[]>
        {
            ["wifi"] = new[] { "ssid", "password" },
            ["mqtt"] = new[] { "host", "port", "tls", "ca_certificates", "client_id", "data_topic", "status_topic", "command_topic", "qos", "keepalive_s" },
            ["sampling"] = new[] { "interval_s", "batch", "batch_interval_s", "payload_buffer_bytes" },
            ["queue"] = new[] { "capacity", "persist", "path" },
            ["sleep"] = new[] { "mode", "wake_interval_s", "publish_every", "backlog_threshold", "publish_deadline_s" },
            ["timeouts"] = new[] { "wifi_connect_s", "ack_s", "auth_retry_s", "reboot_after_s" },
            ["diagnostics"] = new[] { "every_payloads" },
            ["sensor"] = new[] { "model", "echo_pin", "trigger_pin", "power_pin", "name", "suffix", "temperature_variable", "humidity_variable", "dew_point_variable", "temperature_offset", "humidity_offset", "dew_point" },
        };

        private static readonly Gen<JsonNode> s_scalar = Gen.OneOf(
            Gen.Int[-5, 70].Select(i => (JsonNode)JsonValue.Create(i)),
            Gen.Long.Select(l => (JsonNode)JsonValue.Create(l)),
            Gen.Double[-1e6, 1e6].Select(d => (JsonNode)JsonValue.Create(d)),
            Gen.Bool.Select(b => (JsonNode)JsonValue.Create(b)),
            Gen.Const((JsonNode)null),
            Gen.OneOf("", "dht22", "AM2301", "deep", "off", "x/{client_id}/+", "#", "I:\\ca.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
                "12345678-90ab-cdef-1234-567890abcdef", "mqtt.tago.io", "temp\u00e9rature").Select(s => (JsonNode)JsonValue.Create(s)),
            Gen.String.Select(s => (JsonNode)JsonValue.Create(s)));

        private static Gen<JsonNode> Value(string group, int depth)
        {
            if (depth <= 0)
            {
                return s_scalar;
            }

            return Gen.Frequency(
                (6, s_scalar),
                (1, s_scalar.Array[0, 3].Select(items => (JsonNode)new JsonArray(items.Select(i => i?.DeepClone()).ToArray()))),
                (1, Group("sensor", depth - 1)));
        }

        private static Gen<JsonNode> Group(string group, int depth)
        {
            string[] keys = s_keys[group].Concat(new[] { "unknown_key", "_comment" }).ToArray();
            return Gen.Select(Gen.OneOf(keys).Array[0, 6], Value(group, depth - 1).Array[6], (names, values) =>
            {
                JsonObject o = new JsonObject();
                for (int i = 0; i < names.Length; i++)
                {
                    o[names[i]] = values[i]?.DeepClone();
                }

                return (JsonNode)o;
            });
        }

        private static readonly Gen<string> s_configs = Gen.Select(
            Gen.OneOf(s_groups.Select(g => Group(g, 2).Select(n => new KeyValuePair<string, JsonNode>(g, n))).ToArray()).Array[0, 7],
            Group("sensor", 2).Array[0, 5],
            Gen.OneOf(s_scalar, Gen.Const((JsonNode)JsonValue.Create("12345678-90ab-cdef-1234-567890abcdef"))),
            Gen.Int[0, 3],
            (groups, sensors, token, shape) =>
            {
                JsonObject root = new JsonObject();
                foreach (KeyValuePair<string, JsonNode> g in groups)
                {
                    root[g.Key] = g.Value?.DeepClone();
                }

                root["token"] = token?.DeepClone();
                if (shape != 0)
                {
                    root["sensors"] = new JsonArray(sensors.Select(s => s?.DeepClone()).ToArray());
                }

                return root.ToJsonString();
            });

        private static readonly HashSet<string> s_knownPaths = BuildKnownPaths();

        private static HashSet<string> BuildKnownPaths()
        {
            HashSet<string> paths = new HashSet<string> { "(file)", "token", "sensors", "led_pin", "led_active_low" };
            for (int i = 0; i < ConfigKeys.Rows.Length; i++)
            {
                paths.Add(ConfigKeys.Rows[i].Path);
            }

            foreach (string g in s_groups)
            {
                paths.Add(g);
                foreach (string k in s_keys[g])
                {
                    paths.Add(g + "." + k);
                }
            }

            return paths;
        }

        /// <summary>True when <paramref name="path"/> names a real field, an array item of one, or an unknown key under a real group.</summary>
        private static bool IsKnownPath(string path)
        {
            if (s_knownPaths.Contains(path) || path.StartsWith("mqtt.ca_certificates[", StringComparison.Ordinal))
            {
                return true;
            }

            if (path.StartsWith("sensors[", StringComparison.Ordinal))
            {
                int close = path.IndexOf(']');
                string rest = path.Substring(close + 1);
                return rest.Length == 0 || s_keys["sensor"].Contains(rest.Substring(1)) || rest.Length > 1;
            }

            int dot = path.IndexOf('.');
            return dot < 0 || s_knownPaths.Contains(path.Substring(0, dot));
        }

        [TestMethod]
        public void Random_bytes_never_throw_and_are_refused_with_a_file_error()
        {
            Gen.Byte.Array[0, 300].Sample(bytes =>
            {
                ConfigResult result = NodeConfigParser.Parse(bytes, null, true);
                Assert.IsNotNull(result.Config);
                Assert.IsFalse(result.IsValid);
                Assert.IsTrue(result.Lines().Length > 0);
            }, iter: 5000);
        }

        [TestMethod]
        public void Random_config_shaped_json_never_throws_and_every_issue_names_a_known_path()
        {
            s_configs.Sample(json =>
            {
                ConfigResult result = NodeConfigParser.Parse(Encoding.UTF8.GetBytes(json), null, true);
                Assert.IsNotNull(result.Config);
                Assert.AreEqual(result.ErrorCount == 0, result.IsValid);
                foreach (string line in result.Lines())
                {
                    string[] parts = line.Substring(line.IndexOf(": ", StringComparison.Ordinal) + 2).Split(": ", 2);
                    Assert.IsTrue(IsKnownPath(parts[0]), "unexpected path " + parts[0] + " for " + json);
                    Assert.IsFalse(parts.Length < 2 || parts[1].Length == 0, line);
                }

                // The summary is printed for valid configs; it must work for whatever passed.
                if (result.IsValid)
                {
                    Assert.IsTrue(result.Config.Summary("tago-000000000001").Length >= 11);
                }
            }, iter: 3000);
        }

        [TestMethod]
        public void Mutated_example_files_never_throw()
        {
            byte[] example = File.ReadAllBytes(ExamplePath());
            Gen.Select(Gen.Int[0, example.Length - 1], Gen.Byte, Gen.Int[0, 2]).Sample((at, b, op) =>
            {
                List<byte> bytes = new List<byte>(example);
                if (op == 0) { bytes[at] = b; }
                else if (op == 1) { bytes.Insert(at, b); }
                else { bytes.RemoveRange(at, bytes.Count - at); }

                ConfigResult result = NodeConfigParser.Parse(bytes.ToArray(), null, true);
                Assert.IsNotNull(result.Config);
                Assert.AreEqual(result.IsValid, result.ErrorCount == 0);
            }, iter: 3000);
        }

        [TestMethod]
        public void Secrets_never_appear_in_any_output_line()
        {
            // Random secrets of plausible and implausible shapes, valid or not: no line of the check (errors, verdict,
            // summary) and no redacted summary ever contains them.
            Gen<string> secret = Gen.OneOf(
                Gen.Char["0123456789abcdef"].Array[32].Select(c => new string(c).Insert(8, "-").Insert(13, "-").Insert(18, "-").Insert(23, "-")),
                Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789!?%"].Array[9, 40].Select(c => "S3cr" + new string(c)));
            Gen.Select(secret, secret, Gen.Bool).Sample((token, password, validPins) =>
            {
                JsonObject root = JsonNode.Parse(File.ReadAllText(ExamplePath())).AsObject();
                root["token"] = token;
                root["wifi"]["password"] = password;
                if (!validPins)
                {
                    root["sensors"][0]["trigger_pin"] = 34;
                }

                byte[] bytes = Encoding.UTF8.GetBytes(root.ToJsonString());
                ConfigResult result = NodeConfigParser.Parse(bytes, null, true);
                IEnumerable<string> all = result.Lines().Concat(result.Config.Summary("tago-a4cf12e3b1c0"));
                foreach (string line in all)
                {
                    Assert.IsFalse(line.Contains(token, StringComparison.Ordinal), "token leaked: " + line);
                    Assert.IsFalse(line.Contains(password, StringComparison.Ordinal), "password leaked: " + line);
                }
            }, iter: 1000);
        }

        [TestMethod]
        public void The_example_file_is_refused_only_for_its_placeholder_secrets()
        {
            ConfigResult result = NodeConfigParser.Parse(File.ReadAllBytes(ExamplePath()), null, true);
            Assert.AreEqual(3, result.Lines().Length, string.Join("\n", result.Lines()));
            Assert.AreEqual(3, result.ErrorCount);
            Assert.IsTrue(result.Lines().Any(l => l.StartsWith("error: token: ", StringComparison.Ordinal)));
            Assert.IsTrue(result.Lines().Any(l => l.StartsWith("error: wifi.ssid: ", StringComparison.Ordinal)));
            Assert.IsTrue(result.Lines().Any(l => l.StartsWith("error: wifi.password: ", StringComparison.Ordinal)));
        }

        [TestMethod]
        public void The_example_file_with_a_token_is_valid_and_holds_the_documented_defaults()
        {
            JsonObject root = JsonNode.Parse(File.ReadAllText(ExamplePath())).AsObject();
            root["token"] = "12345678-90ab-cdef-1234-567890abcdef";
            root["wifi"]["ssid"] = "cafe";
            root["wifi"]["password"] = "correct-horse-battery";
            ConfigResult result = NodeConfigParser.Parse(Encoding.UTF8.GetBytes(root.ToJsonString()), null, true);
            Assert.IsTrue(result.IsValid, string.Join("\n", result.Lines()));

            // The example spells out every default: parsing it must equal a config with nothing but the required fields.
            ConfigResult minimal = NodeConfigParser.Parse(Encoding.UTF8.GetBytes(
                "{\"wifi\":{\"ssid\":\"cafe\",\"password\":\"correct-horse-battery\"},"
                + "\"token\":\"12345678-90ab-cdef-1234-567890abcdef\","
                + "\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27,\"name\":\"outdoor\"}]}"), null, true);
            Assert.IsTrue(minimal.IsValid, string.Join("\n", minimal.Lines()));
            CollectionAssert.AreEqual(minimal.Config.Summary("x"), result.Config.Summary("x"));
        }

        [TestMethod]
        public void The_example_file_holds_no_real_looking_secret()
        {
            string text = File.ReadAllText(ExamplePath());
            JsonObject root = JsonNode.Parse(text).AsObject();
            Assert.IsTrue(ConfigText.IsPlaceholderToken((string)root["token"]));
            StringAssert.Contains((string)root["wifi"]["password"], "not-real");
        }

        private static string ExamplePath()
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "DEVELOPERS.md")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            Assert.IsNotNull(dir, "repository root not found");
            return Path.Combine(dir, "firmware", "TagoFirmware.Host", "tagofirmware.legacy.example.json");
        }
    }
}
