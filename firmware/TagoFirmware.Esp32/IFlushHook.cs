namespace TagoFirmware.Esp32
{
    /// <summary>
    /// What must be saved before the device reboots or sleeps: the core node's queued readings (SensorNode
    /// <c>FlushForReboot()</c>). Implemented by a small adapter in Program so this layer does not depend on the node.
    /// </summary>
    public interface IFlushHook
    {
        /// <summary>Writes everything that must survive to flash, synchronously; never throws.</summary>
        void FlushForReboot();
    }
}
