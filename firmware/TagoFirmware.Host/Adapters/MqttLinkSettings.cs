using System.Security.Cryptography.X509Certificates;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>Connection settings for <see cref="MqttNetConnection"/> (the TagoIO legacy MQTT profile by default).</summary>
    public sealed class MqttLinkSettings
    {
        /// <summary>Broker host name or IP literal; also the TLS target host.</summary>
        public string Host { get; set; } = "mqtt.tago.io";

        /// <summary>Broker port (8883 TLS, 1883 plain).</summary>
        public int Port { get; set; } = 8883;

        /// <summary>True for plain TCP (only when configured explicitly).</summary>
        public bool Plaintext { get; set; }

        /// <summary>Trust anchors for the broker certificate (from the configured CA PEM).</summary>
        public X509Certificate2Collection CaCertificates { get; set; } = new X509Certificate2Collection();

        /// <summary>MQTT user name; TagoIO expects the literal "Token".</summary>
        public string UserName { get; set; } = "Token";

        /// <summary>Device token (the MQTT password). Never logged.</summary>
        public string Password { get; set; }

        /// <summary>MQTT client id.</summary>
        public string ClientId { get; set; }

        /// <summary>Keepalive in seconds (60 per issue 3 §2).</summary>
        public int KeepAliveSeconds { get; set; } = 60;

        /// <summary>Connect timeout in seconds, covering TCP, TLS and CONNACK.</summary>
        public int ConnectTimeoutSeconds { get; set; } = 10;

        /// <summary>Last-will topic, or null for no will.</summary>
        public string WillTopic { get; set; }

        /// <summary>Last-will payload (QoS 1, never retained).</summary>
        public byte[] WillPayload { get; set; }

        /// <summary>Use MQTT 5 instead of 3.1.1 (the device's M2Mqtt default is 3.1.1).</summary>
        public bool UseMqtt5 { get; set; }
    }
}
