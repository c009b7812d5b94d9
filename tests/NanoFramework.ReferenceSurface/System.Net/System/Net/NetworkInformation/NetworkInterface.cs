namespace System.Net.NetworkInformation
{
    /// <summary>Surface of System.Net's <c>NetworkInterface</c>.</summary>
    public class NetworkInterface
    {
        /// <summary>Created by the runtime for each interface.</summary>
        protected NetworkInterface(int interfaceIndex) => throw null;

        /// <summary>All network interfaces of the device.</summary>
        public static NetworkInterface[] GetAllNetworkInterfaces() => throw null;

        /// <summary>Whether any interface has a network.</summary>
        public static bool GetIsNetworkAvailable() => throw null;

        /// <summary>IPv4 address as text.</summary>
        public string IPv4Address => throw null;

        /// <summary>IPv4 gateway as text.</summary>
        public string IPv4GatewayAddress => throw null;

        /// <summary>IPv4 subnet mask as text.</summary>
        public string IPv4SubnetMask => throw null;

        /// <summary>DNS servers.</summary>
        public string[] IPv4DnsAddresses => throw null;

        /// <summary>Whether DHCP is on.</summary>
        public bool IsDhcpEnabled => throw null;

        /// <summary>The 6-byte MAC address.</summary>
        public byte[] PhysicalAddress { get => throw null; set => throw null; }

        /// <summary>Interface kind.</summary>
        public NetworkInterfaceType NetworkInterfaceType => throw null;

        /// <summary>Whether DNS servers come from DHCP.</summary>
        public bool IsAutomaticDnsEnabled => throw null;

        /// <summary>Index of the stored Wi-Fi profile (uint.MaxValue when none).</summary>
        public uint SpecificConfigId { get => throw null; set => throw null; }

        /// <summary>Uses a static IPv4 address.</summary>
        public void EnableStaticIPv4(string ipv4Address, string ipv4SubnetMask, string ipv4GatewayAddress) => throw null;

        /// <summary>Uses static DNS servers (one or two).</summary>
        public void EnableStaticIPv4Dns(string[] dnsAddresses) => throw null;

        /// <summary>Releases the DHCP lease.</summary>
        public void ReleaseDhcpLease() => throw null;

        /// <summary>Turns DHCP on.</summary>
        public void EnableDhcp() => throw null;

        /// <summary>Renews the DHCP lease.</summary>
        public void RenewDhcpLease() => throw null;
    }
}
