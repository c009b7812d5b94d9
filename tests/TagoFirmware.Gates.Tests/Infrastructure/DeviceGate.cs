using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace TagoFirmware.Gates.Tests.Infrastructure
{
    /// <summary>What a device gate project builds.</summary>
    public enum DeviceGateKind
    {
        /// <summary>A library built from the core's sources under firmware/ (the portable core; a second core library counts too).</summary>
        Core,

        /// <summary>The ESP32 app (an Exe).</summary>
        App,

        /// <summary>A device test assembly (sets NfUnitTestProject to its .nfproj under tests/).</summary>
        Tests,
    }

    /// <summary>
    /// One gate project of tests/NanoFramework.ReferenceSurface/Gates: a compile of device code against the real
    /// nanoFramework mscorlib, whose output the metadata gate scans and measures.
    /// </summary>
    /// <param name="Project">The project's file name without .csproj, which is also its folder under artifacts/device/.</param>
    /// <param name="AssemblyName">The assembly it builds.</param>
    /// <param name="Kind">Core, app or tests.</param>
    public sealed record DeviceGate(string Project, string AssemblyName, DeviceGateKind Kind)
    {
        /// <summary>Every gate project, in name order, classified from its project file.</summary>
        public static IReadOnlyList<DeviceGate> All()
        {
            var gates = new List<DeviceGate>();
            foreach (string path in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, DeviceAssemblies.GatesFolder), "*.csproj").OrderBy(p => p, StringComparer.Ordinal))
            {
                string text = File.ReadAllText(path);
                string project = Path.GetFileNameWithoutExtension(path);
                if (text.Contains("<NfUnitTestProject>", StringComparison.Ordinal))
                {
                    gates.Add(new DeviceGate(project, "NFUnitTest", DeviceGateKind.Tests));
                    continue;
                }

                var name = Regex.Match(text, @"<AssemblyName>([^<]+)</AssemblyName>");
                string assembly = name.Success ? name.Groups[1].Value.Trim() : project;
                if (Regex.IsMatch(text, @"<OutputType>\s*Exe\s*</OutputType>"))
                {
                    gates.Add(new DeviceGate(project, assembly, DeviceGateKind.App));
                }
                else if (text.Contains("firmware/", StringComparison.Ordinal))
                {
                    gates.Add(new DeviceGate(project, assembly, DeviceGateKind.Core));
                }
            }

            return gates;
        }

        /// <summary>The built assembly, building the gate project once if it is missing.</summary>
        public string Locate() => DeviceAssemblies.Locate(Project, AssemblyName);

        /// <inheritdoc />
        public override string ToString() => $"{Project} ({AssemblyName}, {Kind})";
    }
}
