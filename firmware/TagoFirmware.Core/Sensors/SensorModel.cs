namespace TagoFirmware.Sensors
{
    /// <summary>Supported DHT models. AM2301/AM2302 are the wired-case DHT21/DHT22: same chip, protocol and ranges (Aosong datasheets).</summary>
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
