using TagoFirmware.TagoTip;

namespace TagoFirmware.Connection
{
    /// <summary>TagoTiP over MQTT (docs/tagotip/transports/mqtt.md in https://github.com/tago-io/docs): the hash's halves as credentials, no will or status topic, delivery = the <c>OK|n</c> receipt.</summary>
    public sealed class TagoTipTransport : IUplinkTransport
    {
        private readonly TagoTipCredentials _credentials;

        /// <summary>Creates the transport.</summary>
        public TagoTipTransport(TagoTipCredentials credentials)
        {
            _credentials = credentials;
        }

        /// <inheritdoc/>
        public string Name => "tagotip";

        /// <inheritdoc/>
        public string DataTopic => _credentials.PushTopic;

        /// <summary>None: TagoTiP has no status topic (availability is the last receipted frame).</summary>
        public string StatusTopic => null;

        /// <summary>None.</summary>
        public byte[] OnlinePayload => null;

        /// <summary>None: the broker has no Last Will.</summary>
        public byte[] OfflinePayload => null;

        /// <summary>The receipt topic <c>$tip/{serial}/ack</c>, subscribed at QoS 1 in every session.</summary>
        public string CommandTopicFilter => _credentials.AckTopic;

        /// <summary>User name and password: the hash's halves (derived when the transport was made); no will.</summary>
        public void PrepareConnect(SessionOptions options)
        {
            options.Username = _credentials.UserName;
            options.Password = _credentials.Password;
        }
    }
}
