namespace nanoFramework.Networking
{
    /// <summary>A static IPv4 configuration.</summary>
    public class IPConfiguration
    {
        /// <summary>Creates the configuration.</summary>
        public IPConfiguration(string ipv4Address, string ipv4SubnetMask, string ipv4GatewayAddress, string[] ipv4DnsAddresses = null) => throw null;

        /// <summary>IPv4 address.</summary>
        public string IPAddress { get => throw null; set => throw null; }

        /// <summary>IPv4 subnet mask.</summary>
        public string IPSubnetMask { get => throw null; set => throw null; }

        /// <summary>IPv4 gateway.</summary>
        public string IPGatewayAddress { get => throw null; set => throw null; }

        /// <summary>DNS servers; null for automatic DNS.</summary>
        public string[] IPDns { get => throw null; set => throw null; }
    }
}
