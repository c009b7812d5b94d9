using System.Reflection;

// Reference surface of nanoFramework.M2Mqtt.Core (nanoFramework.M2Mqtt 5.1.220); the version is the real assembly's AssemblyVersion.
[assembly: AssemblyTitle("nanoFramework.M2Mqtt.Core (reference surface, never ships)")]
[assembly: AssemblyVersion("5.1.220.0")]
