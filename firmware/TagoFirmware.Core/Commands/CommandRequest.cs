namespace TagoFirmware.Commands
{
    /// <summary>One parsed downlink message (<see cref="CommandParser.Parse"/> clears and fills it).</summary>
    public sealed class CommandRequest
    {
        /// <summary>The command named by the topic (set even when the payload is refused).</summary>
        public CommandKind Kind { get; internal set; }

        /// <summary>True when the payload sets the interval.</summary>
        public bool HasInterval { get; internal set; }

        /// <summary>The requested interval in seconds (valid when <see cref="HasInterval"/>).</summary>
        public int IntervalSeconds { get; internal set; }

        /// <summary>True when the payload sets the batch size.</summary>
        public bool HasBatch { get; internal set; }

        /// <summary>The requested batch size (valid when <see cref="HasBatch"/>).</summary>
        public int BatchSize { get; internal set; }

        /// <summary>The offending number for range errors (e.g. the interval that was too small), for the log line.</summary>
        public long RefusedValue { get; internal set; }

        /// <summary>Resets every field.</summary>
        public void Clear()
        {
            Kind = CommandKind.None;
            HasInterval = false;
            IntervalSeconds = 0;
            HasBatch = false;
            BatchSize = 0;
            RefusedValue = 0;
        }
    }
}
