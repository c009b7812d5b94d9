using System.Reflection;

// The ESP32 app's only AssemblyInfo: the .nfproj compiles it and the device gate compiles the same file.
[assembly: AssemblyTitle("TagoFirmware.Esp32")]
[assembly: AssemblyDescription("ESP32 app of the TagoFirmware sensor node")]
[assembly: AssemblyProduct("TagoFirmware")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
