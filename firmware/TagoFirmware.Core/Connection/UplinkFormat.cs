namespace TagoFirmware.Connection
{
    /// <summary>Which payload encoder the application must use for a transport's data topic.</summary>
    public enum UplinkFormat
    {
        /// <summary>TagoIO JSON array of data objects (legacy MQTT and HTTPS POST /data).</summary>
        TagoJson = 0,

        /// <summary>TagoTiP PUSH body.</summary>
        TagoTip = 1,
    }
}
