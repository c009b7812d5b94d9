namespace TagoFirmware.Connection
{
    /// <summary>What counts as "delivered" for a transport.</summary>
    public enum DeliveryRule
    {
        /// <summary>The broker's PUBACK at QoS 1; at QoS 0 a successful enqueue (legacy TagoIO MQTT).</summary>
        BrokerAck = 0,

        /// <summary>
        /// An application-level receipt on a subscribed topic (TagoTiP's <c>OK|n</c> on <c>$tip/{serial}/ack</c>).
        /// </summary>
        ApplicationReceipt = 1,
    }
}
