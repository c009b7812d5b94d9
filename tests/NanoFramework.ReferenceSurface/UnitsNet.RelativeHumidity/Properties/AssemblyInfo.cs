using System.Reflection;

// Reference surface of UnitsNet.RelativeHumidity (UnitsNet.nanoFramework.RelativeHumidity 5.75.0); the version is the real assembly's AssemblyVersion.
[assembly: AssemblyTitle("UnitsNet.RelativeHumidity (reference surface, never ships)")]
[assembly: AssemblyVersion("5.75.0.0")]
