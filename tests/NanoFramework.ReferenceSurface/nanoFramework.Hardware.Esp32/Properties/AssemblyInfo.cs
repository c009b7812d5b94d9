using System.Reflection;

// Reference surface of nanoFramework.Hardware.Esp32 (nanoFramework.Hardware.Esp32 1.6.40); the version is the real assembly's AssemblyVersion.
[assembly: AssemblyTitle("nanoFramework.Hardware.Esp32 (reference surface, never ships)")]
[assembly: AssemblyVersion("1.6.40.0")]
