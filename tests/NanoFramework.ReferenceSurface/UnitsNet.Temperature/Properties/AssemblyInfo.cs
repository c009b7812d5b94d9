using System.Reflection;

// Reference surface of UnitsNet.Temperature (UnitsNet.nanoFramework.Temperature 5.75.0); the version is the real assembly's AssemblyVersion.
[assembly: AssemblyTitle("UnitsNet.Temperature (reference surface, never ships)")]
[assembly: AssemblyVersion("5.75.0.0")]
