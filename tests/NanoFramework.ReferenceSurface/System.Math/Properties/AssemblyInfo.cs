using System.Reflection;

// Reference surface of System.Math (nanoFramework.System.Math 1.5.116); the version is the real assembly's AssemblyVersion.
[assembly: AssemblyTitle("System.Math (reference surface, never ships)")]
[assembly: AssemblyVersion("1.5.116.0")]
