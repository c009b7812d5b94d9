namespace nanoFramework.Networking
{
    /// <summary>A static IPv4 configuration.</summary>
    public class IPConfiguration
    {
        /// <summary>Creates the configuration.</summary>
        public IPConfiguration(string ipv4Address, string ipv4SubnetMask, string ipv4GatewayAddress, string[] ipv4DnsAddresses = null) => throw null;
    }
}
