using System.Reflection;

// Reference surface of System.IO.Streams (nanoFramework.System.IO.Streams 1.1.96); the version is the real assembly's AssemblyVersion.
[assembly: AssemblyTitle("System.IO.Streams (reference surface, never ships)")]
[assembly: AssemblyVersion("1.1.96.0")]
