using System.Reflection;

// Reference surface of System.Net (nanoFramework.System.Net 1.11.60); the version is the real assembly's AssemblyVersion.
[assembly: AssemblyTitle("System.Net (reference surface, never ships)")]
[assembly: AssemblyVersion("1.11.60.0")]
