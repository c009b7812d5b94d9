namespace TagoFirmware.Connection
{
    /// <summary>The supervisor's states (README "How the node behaves" has the transition table).</summary>
    public enum SessionState
    {
        /// <summary>No IP link; the next step starts bringing it up.</summary>
        WifiDown = 0,

        /// <summary>A WiFi bring-up attempt is running, bounded by a deadline.</summary>
        WifiConnecting = 1,

        /// <summary>WiFi is up; waiting for a valid wall clock (no TLS attempt without one).</summary>
        ClockWait = 2,

        /// <summary>An MQTT connect attempt is running, bounded by a deadline.</summary>
        MqttConnecting = 3,

        /// <summary>Connected and announced; application publishes are accepted.</summary>
        Online = 4,

        /// <summary>Waiting a jittered exponential delay before retrying the layer that failed.</summary>
        Backoff = 5,

        /// <summary>The broker refused the credentials; retries no more often than the auth retry interval.</summary>
        AuthFailed = 6,

        /// <summary>A self-heal reboot was requested; the supervisor does nothing more.</summary>
        Rebooting = 7,

        /// <summary>Shut down on request (<see cref="ConnectionSupervisor.Stop"/>); nothing more is attempted.</summary>
        Stopped = 8,

        /// <summary>An orderly stop: the "offline" status was published; waits (bounded) for its ack before DISCONNECT.</summary>
        Stopping = 9,

        /// <summary>Short sessions only: between two sessions; WiFi is kept, no MQTT connection is open.</summary>
        Idle = 10,

        /// <summary>Short sessions only: connected, waiting (bounded) for the SUBACK of the receipt topic.</summary>
        Subscribing = 11,
    }
}
