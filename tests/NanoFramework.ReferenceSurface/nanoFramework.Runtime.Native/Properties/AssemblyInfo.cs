using System.Reflection;

// Reference surface of nanoFramework.Runtime.Native (nanoFramework.Runtime.Native 1.7.11); the version is the real assembly's AssemblyVersion.
[assembly: AssemblyTitle("nanoFramework.Runtime.Native (reference surface, never ships)")]
[assembly: AssemblyVersion("1.7.11.0")]
