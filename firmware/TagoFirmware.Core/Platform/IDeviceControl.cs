namespace TagoFirmware.Platform
{
    /// <summary>Device-level actions the core may take as a last resort.</summary>
    /// <remarks>Port contract: called after the node flushed its queue and stopped the connection; never throws. Device:
    /// <c>Power.RebootDevice</c>, does not return; host and tests record the request and return.</remarks>
    public interface IDeviceControl
    {
        /// <summary>Reboots the device.</summary>
        void Reboot(RebootReason reason);
    }
}
