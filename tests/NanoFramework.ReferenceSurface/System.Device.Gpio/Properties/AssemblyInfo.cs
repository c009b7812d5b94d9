using System.Reflection;

// Reference surface of System.Device.Gpio (nanoFramework.System.Device.Gpio 1.1.62); the version is the real assembly's AssemblyVersion.
[assembly: AssemblyTitle("System.Device.Gpio (reference surface, never ships)")]
[assembly: AssemblyVersion("1.1.62.0")]
