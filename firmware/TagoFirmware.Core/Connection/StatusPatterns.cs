namespace TagoFirmware.Connection
{
    /// <summary>The blink pattern of each <see cref="NodeStatus"/>: a 2 s cycle of <see cref="Slots"/> slots, bit i = on in slot i.</summary>
    public static class StatusPatterns
    {
        /// <summary>Length of one slot in ms.</summary>
        public const int SlotMs = 100;

        /// <summary>Slots per cycle.</summary>
        public const int Slots = 20;

        // Indexed by NodeStatus: Starting, NoWifi, NoClock, NoBroker, CredentialsRefused, Online, ConfigInvalid.
        private static readonly int[] s_masks =
        {
            0xFFFFF, // steady on (stuck here = firmware hung at boot)
            0x003FF, // slow blink: 1 s on, 1 s off
            0x00005, // 2 short blinks, then pause
            0x00015, // 3 short blinks, then pause
            0x55555, // fast blink, 5 Hz, no pause
            0x00001, // one 100 ms heartbeat every 2 s (LED off 95 % of the time)
            0x00CFF, // long-short: 800 ms on, 200 off, 200 on, 800 off
        };

        /// <summary>The blink pattern of a status (bit i = on in slot i).</summary>
        public static int Mask(NodeStatus status) => s_masks[(int)status];
    }
}
