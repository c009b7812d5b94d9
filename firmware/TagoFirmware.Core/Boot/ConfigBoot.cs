using TagoFirmware.Config;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Boot
{
    /// <summary>The boot path of the ESP32 app and the twin: read and parse the config, resolve CA files, and while it is unusable the safe state (no reboot: it would read the same file).</summary>
    public sealed class ConfigBoot
    {
        /// <summary>Interval of the safe state's re-reads (a corrected file deployed with flash.ps1 is picked up within a minute) and of restarts after a failed startup (never a tight reboot loop).</summary>
        public const int RetryIntervalMs = 60000;

        private readonly IFileReader _files;
        private readonly string _path;
        private readonly string[] _supplied;
        private readonly bool _requireWifi;
        private readonly string _macClientId;
        private readonly ILog _log;
        private long _lastReadMs;
        private string _lastLogged;

        /// <summary>Creates the boot path for the config file at <paramref name="path"/>, parsed as <see cref="NodeConfigParser.Parse"/> says (the device: no supplied values, WiFi required); a null MAC client id means the platform has none, a null log logs nothing.</summary>
        public ConfigBoot(IFileReader files, string path, string[] supplied, bool requireWifi, string macClientId, ILog log)
        {
            _files = files;
            _path = path;
            _supplied = supplied;
            _requireWifi = requireWifi;
            _macClientId = macClientId;
            _log = log;
        }

        /// <summary>The bytes of the last file read (the node fingerprints them: a new file resets command overrides).</summary>
        public byte[] FileBytes { get; private set; }

        /// <summary>Reads and parses the config file, then the CA files it names (their problems are errors of the result); logs the warnings of a valid file. Never throws.</summary>
        public ConfigResult Load()
        {
            FileBytes = _files.Read(_path, NodeConfig.MaxFileBytes);
            ConfigResult result = NodeConfigParser.Parse(FileBytes, _supplied, _requireWifi);
            if (result.IsValid)
            {
                Resolve(result);
            }

            string[] warnings = result.Lines();
            for (int i = 0; result.IsValid && i < warnings.Length; i++)
            {
                Log(LogLevel.Warning, warnings[i]);
            }

            return result;
        }

        /// <summary>One safe-state step, about once a second while <paramref name="current"/> is invalid: shows the pattern on <paramref name="status"/> (may be null), logs the problems when they changed, re-reads the file every <see cref="RetryIntervalMs"/>; returns the latest result.</summary>
        public ConfigResult SafeStateStep(ConfigResult current, long nowMs, IStatusIndicator status)
        {
            status?.Show(NodeStatus.ConfigInvalid);
            string[] lines = current.Lines();
            string joined = string.Concat(lines);

            if (joined != _lastLogged)
            {
                _lastLogged = joined;
                _lastReadMs = nowMs;
                Log(LogLevel.Error, "config: " + _path + " is unusable; waiting for a fix (checked every " + (RetryIntervalMs / 1000) + " s)");
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

        /// <summary>Building the adapters or the node threw <paramref name="error"/>: logs it, shows the config-invalid pattern, returns the milliseconds to wait before restarting.</summary>
        public int StartupFailed(string error, IStatusIndicator status)
        {
            Log(LogLevel.Error, "startup failed: " + error + "; restarting in " + (RetryIntervalMs / 1000) + " s");
            status?.Show(NodeStatus.ConfigInvalid);
            return RetryIntervalMs;
        }

        /// <summary>Replaces each CA entry naming a file by the file's PEM text, in place, so the node only sees PEM; a missing, unreadable or non-PEM file is an error naming the entry and the file.</summary>
        private void Resolve(ConfigResult result)
        {
            NodeConfig config = result.Config;
            string[] entries = config.CaCertificates;
            for (int i = 0; config.Flag(ConfigKeys.MqttTls) && i < entries.Length; i++)
            {
                string name = entries[i];
                if (ConfigText.IsPem(name))
                {
                    continue;
                }

                byte[] bytes = _files.Read(name, NodeConfig.MaxFileBytes);
                string pem = bytes == null || bytes.Length > NodeConfig.MaxFileBytes ? null : TagoFirmware.Json.JsonBytes.Text(bytes, 0, bytes.Length, true); // PEM is ASCII: any other byte fails the PEM check
                string problem = pem == null ? "is missing, unreadable or larger than " + NodeConfig.MaxFileBytes + " bytes"
                    : ConfigText.PemProblem(pem);
                if (problem != null)
                {
                    result.Error("mqtt.ca_certificates[" + i + "]", "CA file " + name + " " + problem);
                    continue;
                }

                entries[i] = pem;
                Log(LogLevel.Info, "config: CA file " + name + " loaded (" + pem.Length + " chars)");
            }

            result.Error("mqtt.client_id", config.EffectiveClientId(_macClientId) == null ? "must be set: this board reports no MAC" : null);
        }

        private void Log(LogLevel level, string message) => _log?.Write(level, message);
    }
}
