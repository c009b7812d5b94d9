namespace TagoFirmware.Config
{
    /// <summary>
    /// One finding about a config file: the field path (e.g. <c>mqtt.qos</c>, <c>sensors[1].trigger_pin</c>, or
    /// <c>(file)</c> for the document as a whole) and what is allowed. Messages never contain the token or the WiFi
    /// password.
    /// </summary>
    public sealed class ConfigIssue
    {
        /// <summary>Creates an issue.</summary>
        /// <param name="severity">Error or warning.</param>
        /// <param name="path">The JSON path of the field, dot-separated with [i] for array items.</param>
        /// <param name="message">What is wrong and what is allowed.</param>
        public ConfigIssue(ConfigSeverity severity, string path, string message)
        {
            Severity = severity;
            Path = path;
            Message = message;
        }

        /// <summary>Error or warning.</summary>
        public ConfigSeverity Severity { get; private set; }

        /// <summary>The field path, e.g. <c>mqtt.qos</c>.</summary>
        public string Path { get; private set; }

        /// <summary>What is wrong and what is allowed.</summary>
        public string Message { get; private set; }

        /// <summary>The line printed by the firmware log, the host twin and flash.ps1:
        /// <c>error: mqtt.qos: …</c> or <c>warning: …</c>.</summary>
        /// <returns>The formatted line.</returns>
        public override string ToString()
        {
            return (Severity == ConfigSeverity.Error ? "error: " : "warning: ") + Path + ": " + Message;
        }
    }
}
