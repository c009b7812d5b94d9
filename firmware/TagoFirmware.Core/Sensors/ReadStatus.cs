namespace TagoFirmware.Sensors
{
    /// <summary>What one <see cref="ReadPipeline.Step"/> call produced.</summary>
    public enum ReadStatus
    {
        /// <summary>No sample in progress (a power cycle may still be running in the background).</summary>
        Idle = 0,

        /// <summary>A sample is in progress; call Step again at <see cref="ReadPipeline.NextStepAtMs"/>.</summary>
        Busy = 1,

        /// <summary>The sample finished with an accepted reading (see <see cref="ReadPipeline.TemperatureTenths"/>).</summary>
        Accepted = 2,

        /// <summary>The sample failed (see <see cref="ReadPipeline.LastFailure"/>); nothing may be published for it.</summary>
        Failed = 3,
    }
}
