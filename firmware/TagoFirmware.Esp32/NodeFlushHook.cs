using TagoFirmware.Node;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// The <see cref="IFlushHook"/> of the running node: <see cref="Esp32DeviceControl"/> calls it before every
    /// intentional reboot (reboot command, self-heal (b) on the main thread, the watchdog thread's self-heal (a)), and it
    /// asks <see cref="SensorNode.FlushForReboot"/> to make the flash hold the queued readings.
    /// </summary>
    /// <remarks>May run on the watchdog thread while the main loop hangs; FlushForReboot is written for that (best
    /// effort, never throws) and the device control bounds it with an execution constraint.</remarks>
    public sealed class NodeFlushHook : IFlushHook
    {
        private readonly SensorNode _node;

        /// <summary>Creates the hook for one node.</summary>
        /// <param name="node">The node whose queue must survive the reboot.</param>
        public NodeFlushHook(SensorNode node)
        {
            _node = node;
        }

        /// <inheritdoc />
        public void FlushForReboot()
        {
            if (_node != null)
            {
                _node.FlushForReboot();
            }
        }
    }
}
