namespace TagoFirmware.Config
{
    /// <summary>The values of the <c>transport</c> key.</summary>
    public static class TransportNames
    {
        /// <summary>TagoTiP frames over MQTT, in short sessions (every TagoIO account).</summary>
        public const string TagoTip = "tagotip";

        /// <summary>TagoIO's legacy MQTT broker with JSON payloads (older US Starter/Scale accounts only).</summary>
        public const string TagoMqttJson = "tago-mqtt-json";
    }
}
