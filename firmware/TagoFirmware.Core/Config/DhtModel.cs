namespace TagoFirmware.Config
{
    /// <summary>
    /// Sensor model named in <c>sensors[].model</c>. The numbers equal those of <c>TagoFirmware.Sensors.SensorModel</c>,
    /// so the sensor layer converts with a cast. AM2301 is the wired DHT21 and AM2302 the wired DHT22 (same chip,
    /// protocol and ranges, Aosong datasheets), so they map to the same value.
    /// </summary>
    public enum DhtModel
    {
        /// <summary>Not set; never valid after parsing.</summary>
        None = 0,

        /// <summary><c>dht11</c>.</summary>
        Dht11 = 11,

        /// <summary><c>dht21</c> or <c>am2301</c>.</summary>
        Dht21 = 21,

        /// <summary><c>dht22</c> or <c>am2302</c>.</summary>
        Dht22 = 22,
    }
}
