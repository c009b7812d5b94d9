using System.Reflection;

// Reference surface of nanoFramework.Json (nanoFramework.Json 2.2.213); the version is the real assembly's AssemblyVersion.
[assembly: AssemblyTitle("nanoFramework.Json (reference surface, never ships)")]
[assembly: AssemblyVersion("2.2.213.0")]
