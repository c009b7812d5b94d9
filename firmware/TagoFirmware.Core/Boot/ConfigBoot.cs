using System.Collections;
using TagoFirmware.Config;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Boot
{
    /// <summary>
    /// The boot path of a node, shared by the ESP32 app and the host twin: read the config file, parse it once, replace
    /// CA file names by their PEM text, and, while the file is unusable, the safe state (status LED pattern, problems
    /// logged when they change, the file re-read every minute, never a reboot: a reboot would only read the same file).
    /// </summary>
    public sealed class ConfigBoot
    {
        /// <summary>Interval of the safe state's re-reads: a corrected file deployed with flash.ps1 is picked up
        /// within a minute, without a reset.</summary>
        public const int RetryIntervalMs = 60000;

        /// <summary>Wait before restarting after the adapters or the node failed to start: one restart a minute,
        /// never a tight reboot loop.</summary>
        public const int StartupRetryMs = 60000;

        /// <summary>Largest CA file accepted: a few PEM certificates.</summary>
        private const int MaxCaFileBytes = 16384;

        private readonly IFileReader _files;
        private readonly string _path;
        private readonly ConfigRules _rules;
        private readonly string _macClientId;
        private readonly ILog _log;
        private long _lastReadMs;
        private string _lastLogged;

        /// <summary>Creates the boot path.</summary>
        public ConfigBoot(IFileReader files, string path, ConfigRules rules, string macClientId, ILog log)
        {
            _files = files;
            _path = path;
            _rules = rules;
            _macClientId = macClientId;
            _log = log;
        }

        /// <summary>The bytes of the last file read (the node fingerprints them: a new file resets command overrides).</summary>
        public byte[] FileBytes { get; private set; }

        /// <summary>Reads and parses the config file, then reads the CA files it names; logs the warnings of a valid
        /// file. Never throws.</summary>
        public ConfigResult Load()
        {
            FileBytes = _files.Read(_path, NodeConfig.MaxFileBytes);
            ConfigResult result = NodeConfigParser.Parse(FileBytes, _rules);
            result = result.IsValid ? Resolve(result) : result;
            string[] warnings = result.IsValid ? result.Lines() : new string[0];
            for (int i = 0; i < warnings.Length; i++)
            {
                Log(LogLevel.Warning, warnings[i]);
            }

            return result;
        }

        /// <summary>
        /// One step of the safe state, called about once a second while the config is unusable: shows the pattern,
        /// logs the problems when they differ from the last ones logged, re-reads the file every
        /// <see cref="RetryIntervalMs"/>.
        /// </summary>
        public ConfigResult SafeStateStep(ConfigResult current, long nowMs, IStatusIndicator status)
        {
            if (status != null)
            {
                status.Show(NodeStatus.ConfigInvalid);
            }

            string[] lines = current.Lines();
            string joined = string.Empty;
            for (int i = 0; i < lines.Length; i++)
            {
                joined += lines[i] + "\n";
            }

            if (joined != _lastLogged)
            {
                _lastLogged = joined;
                _lastReadMs = nowMs;
                Log(LogLevel.Error, "config: " + _path + " is unusable; waiting for a corrected file (checked every "
                    + (RetryIntervalMs / 1000) + " s)");
                for (int i = 0; i < lines.Length; i++)
                {
                    Log(LogLevel.Error, lines[i]);
                }
            }

            if (nowMs - _lastReadMs < RetryIntervalMs)
            {
                return current;
            }

            _lastReadMs = nowMs;
            ConfigResult next = Load();
            if (next.IsValid)
            {
                Log(LogLevel.Info, "config: corrected file found");
            }

            return next;
        }

        /// <summary>What the platform does when building its adapters or the node threw: log it, show the
        /// config-invalid pattern, and restart after <see cref="StartupRetryMs"/>.</summary>
        public int StartupFailed(string error, IStatusIndicator status)
        {
            Log(LogLevel.Error, "startup failed: " + error + "; restarting in " + (StartupRetryMs / 1000) + " s");
            if (status != null)
            {
                status.Show(NodeStatus.ConfigInvalid);
            }

            return StartupRetryMs;
        }

        /// <summary>Replaces each CA entry that names a file by the file's PEM text, in place, so the node only ever
        /// sees PEM; a missing, unreadable or non-PEM file is an error naming the entry and the file.</summary>
        private ConfigResult Resolve(ConfigResult result)
        {
            ArrayList extra = new ArrayList();
            MqttConfig mqtt = result.Config.Mqtt;
            string[] entries = mqtt.CaCertificates;
            for (int i = 0; mqtt.Tls && i < entries.Length; i++)
            {
                string name = entries[i];
                if (ConfigText.IsPem(name))
                {
                    continue;
                }

                string path = "mqtt.ca_certificates[" + i + "]";
                byte[] bytes = _files.Read(name, MaxCaFileBytes);
                string pem = bytes == null || bytes.Length > MaxCaFileBytes ? null : Ascii(bytes);
                string problem = pem == null ? "is missing, unreadable or larger than " + MaxCaFileBytes + " bytes"
                    : (ConfigText.IsPem(pem) ? ConfigText.PemProblem(pem) : "holds no -----BEGIN CERTIFICATE----- block");
                if (problem != null)
                {
                    extra.Add(new ConfigIssue(ConfigSeverity.Error, path, "CA file " + name + " " + problem));
                    continue;
                }

                entries[i] = pem;
                Log(LogLevel.Info, "config: CA file " + name + " loaded (" + pem.Length + " chars)");
            }

            if (mqtt.EffectiveClientId(_macClientId) == null)
            {
                extra.Add(new ConfigIssue(ConfigSeverity.Error, "mqtt.client_id", "must be set: this board reports no MAC address to derive one from"));
            }

            if (extra.Count == 0)
            {
                return result;
            }

            ConfigIssue[] issues = result.Issues;
            for (int i = issues.Length - 1; i >= 0; i--)
            {
                extra.Insert(0, issues[i]);
            }

            return new ConfigResult(result.Config, extra);
        }

        /// <summary>PEM is ASCII: bytes to chars one to one (anything else fails the PEM check that follows).</summary>
        private static string Ascii(byte[] bytes)
        {
            char[] chars = new char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[i] = (char)bytes[i];
            }

            return new string(chars);
        }

        private void Log(LogLevel level, string message)
        {
            if (_log != null)
            {
                _log.Write(level, message);
            }
        }
    }
}
