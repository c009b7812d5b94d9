using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Gates.Tests.Infrastructure;

namespace TagoFirmware.Gates.Tests.Metadata
{
    /// <summary>
    /// Gate 2c over the real device assemblies that the gate projects in tests/NanoFramework.ReferenceSurface/Gates
    /// compile against the nanoFramework mscorlib: the core, the ESP32 app and the shared device-logic tests.
    /// </summary>
    [TestClass]
    public class DeviceAssemblyGateTests
    {
        [TestMethod]
        [DataRow("TagoFirmware.Core.Device", "TagoFirmware.Core", true, DisplayName = "Core device assembly has no generics, no multidimensional arrays and no arrays of structs")]
        [DataRow("TagoFirmware.Esp32.Device", "TagoFirmware.Esp32", false, DisplayName = "Esp32 device assembly has no generics and no multidimensional arrays")]
        [DataRow("NFUnitTest.Device", "NFUnitTest", false, DisplayName = "NFUnitTest device assembly has no generics and no multidimensional arrays")]
        public void Device_assembly_uses_only_what_stable_nanoFramework_runs(string gateProject, string assemblyName, bool isCore)
        {
            string path = DeviceAssemblies.Locate(gateProject, assemblyName);
            var options = new ScanOptions { ReportArraysOfStructs = isCore };
            foreach (string dir in DeviceAssemblies.ReferenceDirectories())
            {
                options.ReferenceDirectories.Add(dir);
            }

            var findings = MetadataScanner.Scan(path, options, out var statistics);
            System.Console.WriteLine($"{RepoPaths.Relative(path)}: scanned {statistics}");

            Assert.AreEqual(0, findings.Count,
                $"{RepoPaths.Relative(path)} holds {findings.Count} construct(s) stable nanoFramework firmware cannot run:\n"
                + string.Join("\n", findings.Select(f => "  " + f)));
        }
    }
}
