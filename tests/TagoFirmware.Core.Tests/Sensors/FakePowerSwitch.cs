using TagoFirmware.Sensors;

namespace TagoFirmware.Tests.Sensors
{
    /// <summary>A power switch that records its transitions as text ("off,on,") and its current state.</summary>
    public sealed class FakePowerSwitch : IPowerSwitch
    {
        /// <summary>Whether the sensor is powered (starts powered, as the contract says).</summary>
        public bool IsOn { get; private set; } = true;

        /// <summary>Every transition in order, e.g. "off,on,".</summary>
        public string Log { get; private set; } = string.Empty;

        /// <inheritdoc />
        public void SetPowered(bool on)
        {
            IsOn = on;
            Log += on ? "on," : "off,";
        }
    }
}
