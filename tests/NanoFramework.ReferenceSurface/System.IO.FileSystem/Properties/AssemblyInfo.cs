using System.Reflection;

// Reference surface of System.IO.FileSystem (nanoFramework.System.IO.FileSystem 1.1.93); the version is the real assembly's AssemblyVersion.
[assembly: AssemblyTitle("System.IO.FileSystem (reference surface, never ships)")]
[assembly: AssemblyVersion("1.1.93.0")]
