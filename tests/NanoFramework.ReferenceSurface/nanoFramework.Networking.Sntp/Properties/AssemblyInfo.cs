using System.Reflection;

// Reference surface of nanoFramework.Networking.Sntp (nanoFramework.Networking.Sntp 1.6.42); the version is the real assembly's AssemblyVersion.
[assembly: AssemblyTitle("nanoFramework.Networking.Sntp (reference surface, never ships)")]
[assembly: AssemblyVersion("1.6.42.0")]
