namespace TagoFirmware.Tests.Node
{
    /// <summary>
    /// Builds scripts for <see cref="TagoFirmware.Tests.Sensors.FakeSensor"/>: long runs of plausible, slowly varying
    /// good reads (never 20 identical pairs in a row, so the stuck-sensor rule stays quiet).
    /// </summary>
    public static class SensorScript
    {
        /// <summary><paramref name="reads"/> good reads: temperature 20.0…20.6 °C, humidity 40.0…40.4 %RH, varying.</summary>
        public static string Varying(int reads)
        {
            string script = string.Empty;
            for (int k = 0; k < reads; k++)
            {
                int t = 200 + (k % 7);
                int h = 400 + (k % 5);
                script += (k > 0 ? " " : string.Empty) + Tenths(t) + "/" + Tenths(h);
            }

            return script;
        }

        /// <summary><paramref name="reads"/> copies of one token (e.g. <c>x</c> for failed reads).</summary>
        public static string Repeat(string token, int reads)
        {
            string script = string.Empty;
            for (int k = 0; k < reads; k++)
            {
                script += (k > 0 ? " " : string.Empty) + token;
            }

            return script;
        }

        private static string Tenths(int tenths)
        {
            return (tenths / 10).ToString() + "." + (tenths % 10).ToString();
        }
    }
}
