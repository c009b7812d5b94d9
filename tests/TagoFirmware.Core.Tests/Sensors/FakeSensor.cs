using TagoFirmware.Sensors;

namespace TagoFirmware.Tests.Sensors
{
    /// <summary>
    /// A scripted sensor: each TryRead consumes the next token of a script. Tokens are separated by spaces:
    /// <c>21.5/40.2</c> is a good read (°C/%RH), <c>x</c> a failed read, <c>!</c> an adapter that throws,
    /// <c>nan</c> a read that "succeeds" with NaN values, <c>d</c> a good read of garbage meant to be discarded
    /// (99/99, which would fail any range check). After the script ends every read fails.
    /// </summary>
    public sealed class FakeSensor : ITemperatureHumiditySensor
    {
        private string[] _tokens;
        private int _next;

        /// <summary>Creates a sensor that plays <paramref name="script"/>.</summary>
        public FakeSensor(string script)
        {
            Load(script);
        }

        /// <summary>Reads performed.</summary>
        public int Reads { get; private set; }

        /// <summary>Reset calls received.</summary>
        public int Resets { get; private set; }

        /// <summary>Tokens not yet consumed.</summary>
        public int Remaining => _tokens.Length - _next;

        /// <summary>Replaces the script (remaining tokens are dropped).</summary>
        public void Load(string script)
        {
            _tokens = script.Trim().Length == 0 ? new string[0] : script.Trim().Split(' ');
            _next = 0;
        }

        /// <inheritdoc />
        public bool TryRead(out double celsius, out double percent)
        {
            Reads++;
            celsius = 0;
            percent = 0;
            if (_next >= _tokens.Length)
            {
                return false;
            }

            string token = _tokens[_next++];
            if (token == "x")
            {
                return false;
            }

            if (token == "!")
            {
                throw new System.InvalidOperationException("adapter bug");
            }

            if (token == "nan")
            {
                celsius = double.NaN;
                percent = double.NaN;
                return true;
            }

            if (token == "d")
            {
                celsius = 99;
                percent = 99;
                return true;
            }

            int slash = token.IndexOf('/');
            celsius = double.Parse(token.Substring(0, slash));
            percent = double.Parse(token.Substring(slash + 1));
            return true;
        }

        /// <inheritdoc />
        public void Reset()
        {
            Resets++;
        }
    }
}
