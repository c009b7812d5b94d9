using TagoFirmware.Connection;
using TagoFirmware.Tests.Session;

namespace TagoFirmware.Tests.Connection
{
    /// <summary>A scripted WiFi library under the core's <see cref="WifiConnection"/>; records how each attempt joined.</summary>
    public class FakeWifiConnection : WifiConnection
    {
        public NetworkConnectResult NextResult = NetworkConnectResult.Connected;
        public bool Throws;
        public bool Address;
        public int AddressReads;
        public string Joins = string.Empty;
        public int LastTimeoutMs;

        public FakeWifiConnection(FakeWorker worker, FakeClock clock)
            : base(worker, clock)
        {
        }

        protected override NetworkConnectResult Join(bool reconnect, int timeoutMs)
        {
            Joins += reconnect ? "R" : "J";
            LastTimeoutMs = timeoutMs;
            if (Throws)
            {
                throw new System.Exception("driver");
            }

            return NextResult;
        }

        protected override bool HasAddress()
        {
            AddressReads++;
            return Address;
        }
    }
}
