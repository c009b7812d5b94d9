namespace TagoFirmware.Platform
{
    /// <summary>Device-level actions the core may take as a last resort.</summary>
    /// <remarks>
    /// Port contract: <see cref="Reboot"/> is called from the main loop thread after the node flushed its
    /// queued readings and stopped the connection. Device:
    /// <c>Power.RebootDevice(timeout)</c>, does not return. Host and tests: record the request and return; the node
    /// then stops acting until the process ends. Never throws.
    /// </remarks>
    public interface IDeviceControl
    {
        /// <summary>Reboots the device.</summary>
        void Reboot(RebootReason reason);
    }
}
