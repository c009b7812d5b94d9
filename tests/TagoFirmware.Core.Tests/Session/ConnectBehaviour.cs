namespace TagoFirmware.Tests.Session
{
    /// <summary>How <see cref="FakeMqttLink"/> answers a connect attempt, modelled on M2Mqtt 5.1.220 against mosquitto.</summary>
    public enum ConnectBehaviour
    {
        /// <summary>CONNACK 0: connected.</summary>
        Accept = 0,

        /// <summary>Connect returns the refusal code (<see cref="FakeMqttLink.RefusalCode"/>).</summary>
        RefuseWithCode = 1,

        /// <summary>
        /// Connect throws MqttCommunicationException while ConnectionOpened carried the refusal code (the usual M2Mqtt
        /// outcome of a bad token): ConnectFailed(Communication) with ReasonCode = the code.
        /// </summary>
        RefuseAsException = 2,

        /// <summary>Broker down: MqttConnectionException with an inner SocketException.</summary>
        FailNetwork = 3,

        /// <summary>Wrong CA or host name: MqttConnectionException with a TLS inner exception.</summary>
        FailTls = 4,

        /// <summary>The stale MqttCommunicationException of the previous connection, CONNACK 0 seen.</summary>
        FailStale = 5,

        /// <summary>ConnectFailed with ProbableAuthRefusal (the broker closed after CONNECT without CONNACK, repeatedly).</summary>
        FailProbableAuthRefusal = 6,

        /// <summary>The broker closes the connection after CONNECT without a CONNACK (no code seen).</summary>
        CloseBeforeConnack = 7,
    }
}
