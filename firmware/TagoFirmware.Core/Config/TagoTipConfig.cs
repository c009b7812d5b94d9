namespace TagoFirmware.Config
{
    /// <summary>The <c>tagotip</c> group: region, device serial, authorization hash and session limits.</summary>
    public sealed class TagoTipConfig
    {
        private readonly ConfigValues _v;

        internal TagoTipConfig(ConfigValues values) => _v = values;

        /// <summary><c>tagotip.region</c>: <c>us-e1</c> or <c>eu-w1</c>; another value makes the config invalid.</summary>
        public string Region
        {
            get => ConfigValues.ChoiceName(ConfigKeys.TagoTipRegion, _v.Number(ConfigKeys.TagoTipRegion));
            set => _v.SetNumber(ConfigKeys.TagoTipRegion, ConfigValues.ChoiceNumber(ConfigKeys.TagoTipRegion, value));
        }

        /// <summary><c>tagotip.serial</c>: the device's serial in TagoIO; also the MQTT client id.</summary>
        public string Serial { get => _v.Text(ConfigKeys.TagoTipSerial); set => _v.SetValue(ConfigKeys.TagoTipSerial, value); }

        /// <summary><c>tagotip.auth_hash</c>: the profile Authorization's 16-hex hash. A secret.</summary>
        public string AuthHash { get => _v.Text(ConfigKeys.TagoTipAuthHash); set => _v.SetValue(ConfigKeys.TagoTipAuthHash, value); }

        /// <summary><c>tagotip.ttl_s</c>: the connection lifetime, 10 or 15 s.</summary>
        public int TtlSeconds { get => _v.Number(ConfigKeys.TagoTipTtl); set => _v.SetNumber(ConfigKeys.TagoTipTtl, value); }

        /// <summary><c>tagotip.min_session_s</c>: the shortest time between two session starts.</summary>
        public int MinSessionSeconds { get => _v.Number(ConfigKeys.TagoTipMinSession); set => _v.SetNumber(ConfigKeys.TagoTipMinSession, value); }

        /// <summary>The region's MQTT endpoint, <c>mqtt.tip.{region}.tago.io</c> (TagoIO's TagoTiP endpoints page).</summary>
        public string DefaultHost => "mqtt.tip." + Region + ".tago.io";
    }
}
