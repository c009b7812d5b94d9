using System.Reflection;

// The one AssemblyInfo of the core: both project files (device .nfproj and host .csproj) compile it, and
// neither generates its own, so the attributes are never duplicated.
[assembly: AssemblyTitle("TagoFirmware.Core")]
[assembly: AssemblyDescription("Portable logic of the TagoFirmware ESP32 sensor node")]
[assembly: AssemblyProduct("TagoFirmware")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
