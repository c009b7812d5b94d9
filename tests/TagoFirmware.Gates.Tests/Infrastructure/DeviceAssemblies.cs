using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace TagoFirmware.Gates.Tests.Infrastructure
{
    /// <summary>
    /// Finds the compiled device assemblies in artifacts/device/ (./test.sh builds the gate projects first). When one
    /// is missing, for example when the gate tests run alone, its gate project is built once with
    /// <c>dotnet build &lt;proj&gt; -c Release</c>; if it is still missing the test fails saying why.
    /// </summary>
    public static class DeviceAssemblies
    {
        /// <summary>The folder of the device gate projects.</summary>
        public const string GatesFolder = "tests/NanoFramework.ReferenceSurface/Gates";

        private static readonly object s_lock = new object();
        private static readonly Dictionary<string, (int ExitCode, string Output)> s_builds = new Dictionary<string, (int, string)>();

        /// <summary>Returns the path of <c>&lt;assemblyName&gt;.dll</c> (or .exe) built by the gate project, building it once if needed.</summary>
        public static string Locate(string gateProject, string assemblyName)
        {
            string found = Find(gateProject, assemblyName);
            if (found != null)
            {
                return found;
            }

            string project = Path.Combine(RepoPaths.Root, GatesFolder, gateProject + ".csproj");
            if (!File.Exists(project))
            {
                Assert.Fail($"{RepoPaths.Relative(project)} does not exist, so there is no {assemblyName} device assembly to scan.");
            }

            var build = Build(project);
            found = Find(gateProject, assemblyName);
            if (found == null)
            {
                string tail = string.Join("\n", build.Output.Split('\n').Where(l => l.Contains("error") || l.Contains("warning")).Distinct().Take(30));
                Assert.Fail($"{assemblyName}.dll/.exe is not in {RepoPaths.Relative(Path.Combine(RepoPaths.DeviceArtifacts, gateProject))} even after "
                    + $"`dotnet build {RepoPaths.Relative(project)} -c Release` (exit code {build.ExitCode}):\n{tail}");
            }

            return found;
        }

        /// <summary>The lib/ folder of nanoFramework.CoreLibrary, restoring it through the core gate build if needed.</summary>
        public static string EnsureMscorlibDirectory()
        {
            if (!File.Exists(RepoPaths.MscorlibPath))
            {
                Build(Path.Combine(RepoPaths.Root, GatesFolder, "TagoFirmware.Core.Device.csproj"));
            }

            if (!File.Exists(RepoPaths.MscorlibPath))
            {
                Assert.Fail($"The nanoFramework mscorlib is not at {RepoPaths.MscorlibPath}; a device gate build restores it (PackageDownload).");
            }

            return RepoPaths.CoreLibraryLibDirectory;
        }

        /// <summary>Every folder holding assemblies a device assembly may reference: mscorlib and all device builds.</summary>
        public static IEnumerable<string> ReferenceDirectories()
        {
            yield return EnsureMscorlibDirectory();
            yield return RepoPaths.DeviceArtifacts;
        }

        private static string Find(string gateProject, string assemblyName)
        {
            string dir = Path.Combine(RepoPaths.DeviceArtifacts, gateProject);
            return new[] { ".dll", ".exe" }.Select(ext => Path.Combine(dir, assemblyName + ext)).FirstOrDefault(File.Exists);
        }

        private static (int ExitCode, string Output) Build(string project)
        {
            lock (s_lock)
            {
                if (!s_builds.TryGetValue(project, out var result))
                {
                    result = ProcessRunner.Run("dotnet", RepoPaths.Root, "build", project, "-c", "Release", "-nologo", "-v", "q");
                    s_builds.Add(project, result);
                }

                return result;
            }
        }
    }
}
