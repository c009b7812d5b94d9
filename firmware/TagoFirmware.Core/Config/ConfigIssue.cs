namespace TagoFirmware.Config
{
    /// <summary>One finding about a config: the field path (<c>mqtt.qos</c>, <c>sensors[1].trigger_pin</c>, <c>(file)</c>) and what is allowed; never a secret.</summary>
    public sealed class ConfigIssue
    {
        /// <summary>Creates an issue.</summary>
        public ConfigIssue(bool isError, string path, string message)
        {
            IsError = isError;
            Path = path;
            Message = message;
        }

        /// <summary>True for an error, false for a warning.</summary>
        public bool IsError { get; }

        /// <summary>The field path, e.g. <c>mqtt.qos</c>.</summary>
        public string Path { get; }

        /// <summary>What is wrong and what is allowed.</summary>
        public string Message { get; }

        /// <summary>The line every front end prints: <c>error: mqtt.qos: …</c> or <c>warning: …</c>.</summary>
        public override string ToString() => (IsError ? "error: " : "warning: ") + Path + ": " + Message;
    }
}
