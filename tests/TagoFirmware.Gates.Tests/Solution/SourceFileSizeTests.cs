using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Gates.Tests.Infrastructure;

namespace TagoFirmware.Gates.Tests.Solution
{
    /// <summary>The size rules of the firmware's sources: no file over 500 lines, every ESP32 adapter under 200 (adapters only
    /// translate), and <c>SensorNode</c>, which only wires the components, at most 300.</summary>
    [TestClass]
    public class SourceFileSizeTests
    {
        private static int Lines(string path) => File.ReadAllLines(path).Length;

        private static string[] Sources(string folder) => Directory.GetFiles(RepoPaths.FromRoot(folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)
                && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
            .ToArray();

        [TestMethod]
        public void No_firmware_source_file_is_over_500_lines()
        {
            string[] over = Sources("firmware").Where(f => Lines(f) > 500).Select(f => Path.GetFileName(f) + ": " + Lines(f)).ToArray();
            Assert.AreEqual(0, over.Length, string.Join(", ", over));
        }

        [TestMethod]
        public void Every_esp32_adapter_is_under_200_lines()
        {
            string[] over = Sources("firmware/TagoFirmware.Esp32").Where(f => Lines(f) >= 200).Select(f => Path.GetFileName(f) + ": " + Lines(f)).ToArray();
            Assert.AreEqual(0, over.Length, string.Join(", ", over));
        }

        [TestMethod]
        public void The_sensor_node_is_wiring_of_at_most_300_lines()
        {
            int lines = Lines(RepoPaths.FromRoot("firmware/TagoFirmware.Core/Node/SensorNode.cs"));
            Assert.IsTrue(lines <= 300, "SensorNode.cs has " + lines + " lines");
        }
    }
}
