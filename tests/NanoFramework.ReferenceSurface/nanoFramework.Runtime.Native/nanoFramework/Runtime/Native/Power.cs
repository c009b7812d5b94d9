namespace nanoFramework.Runtime.Native
{
    /// <summary>Surface of Runtime.Native's <c>Power</c>.</summary>
    public class Power
    {
        /// <summary>Raised before the device reboots.</summary>
        public static event RebootEventHandler OnRebootEvent { add => throw null; remove => throw null; }

        /// <summary>Reboots the device, waiting for the reboot handlers without limit.</summary>
        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot) => throw null;

        /// <summary>Reboots the device, giving the reboot handlers at most <paramref name="exeConstraintTimeout"/> ms.</summary>
        public static void RebootDevice(int exeConstraintTimeout, RebootOption rebootOption = RebootOption.NormalReboot) => throw null;
    }
}
