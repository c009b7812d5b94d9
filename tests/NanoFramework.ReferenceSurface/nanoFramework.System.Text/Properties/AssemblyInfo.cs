using System.Reflection;

// Reference surface of nanoFramework.System.Text (nanoFramework.System.Text 1.3.42); the version is the real assembly's AssemblyVersion.
[assembly: AssemblyTitle("nanoFramework.System.Text (reference surface, never ships)")]
[assembly: AssemblyVersion("1.3.42.0")]
