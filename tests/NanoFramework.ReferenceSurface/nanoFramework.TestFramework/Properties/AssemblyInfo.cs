using System.Reflection;

// Reference surface of nanoFramework.TestFramework (nanoFramework.TestFramework 3.0.80); the version is the real assembly's AssemblyVersion.
[assembly: AssemblyTitle("nanoFramework.TestFramework (reference surface, never ships)")]
[assembly: AssemblyVersion("3.0.80.0")]
