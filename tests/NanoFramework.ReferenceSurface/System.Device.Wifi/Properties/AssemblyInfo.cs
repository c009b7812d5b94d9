using System.Reflection;

// Reference surface of System.Device.Wifi (nanoFramework.System.Device.Wifi 1.5.149); the version is the real assembly's AssemblyVersion.
[assembly: AssemblyTitle("System.Device.Wifi (reference surface, never ships)")]
[assembly: AssemblyVersion("1.5.149.0")]
