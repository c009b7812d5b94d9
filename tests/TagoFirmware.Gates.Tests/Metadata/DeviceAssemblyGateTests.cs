using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Gates.Tests.Infrastructure;

namespace TagoFirmware.Gates.Tests.Metadata
{
    /// <summary>
    /// Gate 2c over the real device assemblies that the gate projects in tests/NanoFramework.ReferenceSurface/Gates
    /// compile against the nanoFramework mscorlib: the core, the ESP32 app and every device test assembly.
    /// </summary>
    [TestClass]
    public class DeviceAssemblyGateTests
    {
        /// <summary>Every gate project: one test each, so a failure names the assembly.</summary>
        public static IEnumerable<object[]> Gates => DeviceGate.All().Select(g => new object[] { g.Project });

        [TestMethod]
        [DynamicData(nameof(Gates))]
        public void Device_assembly_uses_only_what_stable_nanoFramework_runs(string gateProject)
        {
            var gate = DeviceGate.All().Single(g => g.Project == gateProject);
            string path = gate.Locate();

            // Arrays of structs cost the core's hot path; null and array attribute arguments break every device build.
            // double.ToString is imprecise on the nanoCLR: firmware text must not come from it.
            var options = new ScanOptions
            {
                ReportArraysOfStructs = gate.Kind == DeviceGateKind.Core,
                ReportAttributeNullsAndArrays = true,
                ReportFloatingPointText = gate.Kind != DeviceGateKind.Tests,
            };
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

        [TestMethod]
        public void Gates_cover_the_core_the_app_and_several_test_assemblies()
        {
            var gates = DeviceGate.All();
            Assert.IsTrue(gates.Any(g => g.Kind == DeviceGateKind.Core), string.Join(", ", gates));
            Assert.IsTrue(gates.Any(g => g.Kind == DeviceGateKind.App), string.Join(", ", gates));
            Assert.IsTrue(gates.Count(g => g.Kind == DeviceGateKind.Tests) >= 2, string.Join(", ", gates));
        }
    }
}
