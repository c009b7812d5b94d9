using System.Reflection;

// Reference surface of Iot.Device.Dhtxx.Esp32 (nanoFramework.Iot.Device.Dhtxx.Esp32 1.2.889); the version is the real assembly's AssemblyVersion.
[assembly: AssemblyTitle("Iot.Device.Dhtxx.Esp32 (reference surface, never ships)")]
[assembly: AssemblyVersion("1.2.0.0")]
