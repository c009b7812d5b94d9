namespace TagoFirmware.Sensors
{
    /// <summary>
    /// The DHT family members the firmware supports. AM2301 is the wired-case DHT21 and AM2302 the wired-case DHT22:
    /// same chip, same protocol, same ranges (Aosong AM2301 and AM2302 datasheets).
    /// </summary>
    public enum SensorModel
    {
        /// <summary>No model chosen; never valid in a configuration.</summary>
        None = 0,

        /// <summary>DHT11: 0…50 °C, 20…90 %RH, one read per second at most.</summary>
        Dht11 = 11,

        /// <summary>DHT21 / AM2301: −40…80 °C, 0…100 %RH, one read per two seconds at most.</summary>
        Dht21 = 21,

        /// <summary>DHT22 / AM2302: −40…80 °C, 0…100 %RH, one read per two seconds at most.</summary>
        Dht22 = 22,
    }
}
