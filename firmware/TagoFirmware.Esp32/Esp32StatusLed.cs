using System;
using System.Device.Gpio;
using System.Threading;
using TagoFirmware.Session;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="IStatusIndicator"/> on one GPIO LED. Each <see cref="NodeStatus"/> has its own 2-second blink pattern
    /// (README "The ESP32 app" has the table); a <c>System.Threading.Timer</c> ticking every 100 ms plays it.
    /// </summary>
    /// <remarks>
    /// A pattern is 20 slots of 100 ms packed in the low bits of an int (bit i = LED on in slot i), so a tick is a
    /// shift, a mask and — only when the level changes — one GPIO write: no allocation, no lock (an int read is atomic
    /// on the ESP32's 32-bit core). <see cref="Show"/> only swaps the mask. Works with active-high and active-low LEDs.
    /// </remarks>
    public sealed class Esp32StatusLed : IStatusIndicator
    {
        /// <summary>Length of one slot in ms.</summary>
        public const int SlotMs = 100;

        /// <summary>Slots per pattern: a 2 s cycle, short enough to read at a glance, long enough to count blinks.</summary>
        public const int Slots = 20;

        /// <summary>Starting: steady on (booting, config not read yet; stuck here = firmware hung at boot).</summary>
        public const int PatternStarting = 0xFFFFF;

        /// <summary>No WiFi: slow blink, 1 s on, 1 s off.</summary>
        public const int PatternNoWifi = 0x003FF;

        /// <summary>No clock: two short blinks per 2 s (waiting for SNTP).</summary>
        public const int PatternNoClock = 0x00005;

        /// <summary>No broker: three short blinks per 2 s (connecting or backing off).</summary>
        public const int PatternNoBroker = 0x00015;

        /// <summary>Credentials refused: fast blink, 5 Hz without pause (needs a human: fix the token).</summary>
        public const int PatternCredentialsRefused = 0x55555;

        /// <summary>Online: one 100 ms heartbeat every 2 s (LED off 95 % of the time).</summary>
        public const int PatternOnline = 0x00001;

        /// <summary>Config invalid: long-short, 800 ms on, 200 ms off, 200 ms on, 800 ms off (needs a human: fix the file).</summary>
        public const int PatternConfigInvalid = 0x00CFF;

        private readonly GpioPin _pin;
        private readonly int _pinNumber;
        private readonly bool _activeLow;
        private readonly Timer _timer;
        private int _mask = PatternStarting;
        private int _slot;
        private int _lastLevel = -1;

        /// <summary>Opens the LED pin and starts the pattern timer (steady on: <see cref="NodeStatus.Starting"/>).</summary>
        /// <param name="gpio">The app's shared GPIO controller.</param>
        /// <param name="pin">The LED's GPIO.</param>
        /// <param name="activeLow">True when the LED lights with the pin low.</param>
        public Esp32StatusLed(GpioController gpio, int pin, bool activeLow)
        {
            _activeLow = activeLow;
            _pinNumber = pin;
            try
            {
                _pin = gpio.OpenPin(pin, PinMode.Output);
            }
            catch (Exception)
            {
                // No LED then; the node works without one.
                _pin = null;
            }

            _timer = new Timer(new TimerCallback(Tick), null, 0, SlotMs);
        }

        /// <summary>The LED's GPIO.</summary>
        public int PinNumber
        {
            get { return _pinNumber; }
        }

        /// <summary>True when the LED lights with the pin low.</summary>
        public bool ActiveLow
        {
            get { return _activeLow; }
        }

        /// <summary>The blink pattern (20 bits, bit 0 first) shown for a status.</summary>
        /// <param name="status">The node status.</param>
        /// <returns>The pattern mask.</returns>
        public static int PatternFor(NodeStatus status)
        {
            switch (status)
            {
                case NodeStatus.NoWifi:
                    return PatternNoWifi;
                case NodeStatus.NoClock:
                    return PatternNoClock;
                case NodeStatus.NoBroker:
                    return PatternNoBroker;
                case NodeStatus.CredentialsRefused:
                    return PatternCredentialsRefused;
                case NodeStatus.Online:
                    return PatternOnline;
                case NodeStatus.ConfigInvalid:
                    return PatternConfigInvalid;
                default:
                    return PatternStarting;
            }
        }

        /// <inheritdoc />
        public void Show(NodeStatus status)
        {
            int mask = PatternFor(status);
            if (mask != _mask)
            {
                _mask = mask;

                // Restart the cycle so the first blink of the new pattern is seen at once.
                _slot = 0;
            }
        }

        /// <summary>
        /// Switches the LED off, stops the timer and closes the pin (before deep sleep, where the pin would otherwise
        /// hold its level, or when a corrected config moves the LED to another pin).
        /// </summary>
        public void Stop()
        {
            try
            {
                _timer.Dispose();
                Write(0);
                if (_pin != null)
                {
                    _pin.Dispose();
                }
            }
            catch (Exception)
            {
                // Best effort before sleeping.
            }
        }

        private void Tick(object state)
        {
            int slot = _slot;
            _slot = slot + 1 >= Slots ? 0 : slot + 1;
            Write((_mask >> slot) & 1);
        }

        private void Write(int on)
        {
            if (_pin == null || on == _lastLevel)
            {
                return;
            }

            _lastLevel = on;
            try
            {
                _pin.Write((on == 1) != _activeLow ? PinValue.High : PinValue.Low);
            }
            catch (Exception)
            {
                // A GPIO write cannot meaningfully fail; never let the timer thread die.
            }
        }
    }
}
