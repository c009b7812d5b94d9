using System.Reflection;

// Reference surface of System.Threading (nanoFramework.System.Threading 1.1.52); the version is the real assembly's AssemblyVersion.
[assembly: AssemblyTitle("System.Threading (reference surface, never ships)")]
[assembly: AssemblyVersion("1.1.52.34401")]
