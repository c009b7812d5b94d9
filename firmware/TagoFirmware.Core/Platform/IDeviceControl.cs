namespace TagoFirmware.Platform
{
    /// <summary>Device-level last resorts, called after the node flushed its queue and stopped the connection; never throws (device: <c>Power.RebootDevice</c>, no return).</summary>
    public interface IDeviceControl
    {
        /// <summary>Reboots the device.</summary>
        void Reboot(RebootReason reason);
    }
}
