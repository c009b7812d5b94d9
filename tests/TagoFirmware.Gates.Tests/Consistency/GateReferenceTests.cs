using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Gates.Tests.Infrastructure;

namespace TagoFirmware.Gates.Tests.Consistency
{
    /// <summary>
    /// Each compile gate references exactly what the .nfproj it stands for references: the surface of every package that
    /// has one, the gate of every project reference, nothing else. A surface the .nfproj does not reference would let the
    /// gate accept a call that Visual Studio refuses; a package without a surface must be declared in the surface README.
    /// </summary>
    [TestClass]
    public class GateReferenceTests
    {
        private const string SurfaceFolder = "tests/NanoFramework.ReferenceSurface";

        /// <summary>Every gate project, relative to the repository root.</summary>
        public static IEnumerable<object[]> Gates =>
            Directory.GetFiles(RepoPaths.FromRoot(SurfaceFolder + "/Gates"), "*.csproj")
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => new object[] { RepoPaths.Relative(f) });

        [TestMethod]
        [DynamicData(nameof(Gates))]
        public void Gate_references_exactly_what_its_nfproj_references(string gate)
        {
            string gatePath = RepoPaths.FromRoot(gate);
            XDocument gateXml = XDocument.Load(gatePath);
            List<XDocument> gateFiles = WithImports(gatePath, gateXml);
            string nfproj = NfprojOf(gateFiles);
            if (nfproj == null)
            {
                Assert.Inconclusive(gate + " compiles no single folder with one .nfproj; nothing to compare");
            }

            XDocument nfprojXml = XDocument.Load(nfproj);
            var surfaces = new HashSet<string>(
                Directory.GetDirectories(RepoPaths.FromRoot(SurfaceFolder))
                    .Select(Path.GetFileName)
                    .Where(name => File.Exists(Path.Combine(RepoPaths.FromRoot(SurfaceFolder), name, name + ".csproj"))),
                StringComparer.Ordinal);

            // What the .nfproj references: packages (by assembly name) and projects (by their assembly name).
            List<string> packages = nfprojXml.Descendants().Where(e => e.Name.LocalName == "Reference")
                .Select(e => ((string)e.Attribute("Include")).Split(',')[0].Trim())
                .Where(name => name != "mscorlib")
                .ToList();
            List<string> projects = nfprojXml.Descendants().Where(e => e.Name.LocalName == "ProjectReference")
                .Select(e => AssemblyNameOf(Path.Combine(Path.GetDirectoryName(nfproj), ((string)e.Attribute("Include")).Replace('\\', '/'))))
                .ToList();

            // What the gate references: surface projects and other gates (named by the assembly they build).
            var gateSurfaces = new List<string>();
            var gateProjects = new List<string>();
            foreach (string include in gateFiles.SelectMany(x => x.Descendants("ProjectReference")).Select(e => Expand((string)e.Attribute("Include"), gatePath)))
            {
                string referenced = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(gatePath), include));
                if (Path.GetDirectoryName(referenced) == Path.GetDirectoryName(gatePath))
                {
                    gateProjects.Add(AssemblyNameOf(referenced));
                }
                else
                {
                    gateSurfaces.Add(Path.GetFileNameWithoutExtension(referenced));
                }
            }

            var problems = new List<string>();
            foreach (string extra in gateSurfaces.Except(packages))
            {
                problems.Add("references the surface of " + extra + ", which " + RepoPaths.Relative(nfproj) + " does not reference");
            }

            foreach (string missing in packages.Where(surfaces.Contains).Except(gateSurfaces))
            {
                problems.Add("does not reference the surface of " + missing + ", which " + RepoPaths.Relative(nfproj) + " references");
            }

            foreach (string missing in projects.Except(gateProjects))
            {
                problems.Add("does not reference the gate that builds " + missing);
            }

            foreach (string extra in gateProjects.Except(projects))
            {
                problems.Add("references the gate that builds " + extra + ", which " + RepoPaths.Relative(nfproj) + " does not reference");
            }

            string readme = File.ReadAllText(RepoPaths.FromRoot(SurfaceFolder + "/README.md"));
            foreach (string unsurfaced in packages.Where(p => !surfaces.Contains(p) && !readme.Contains(p, StringComparison.Ordinal)))
            {
                problems.Add(unsurfaced + " has no surface and is not listed as 'Not surfaced' in " + SurfaceFolder + "/README.md");
            }

            Assert.AreEqual(0, problems.Count, gate + ":\n" + string.Join("\n", problems.Select(p => "  " + p)));
        }

        /// <summary>
        /// The .nfproj the gate stands for: the one named by its NfUnitTestProject property (device test gates that
        /// compile the files a test .nfproj lists), else the one in the single folder it compiles
        /// (`$(RepoRoot)folder/**/*.cs`); null when neither applies.
        /// </summary>
        private static string NfprojOf(List<XDocument> gateFiles)
        {
            string named = gateFiles.SelectMany(x => x.Descendants("NfUnitTestProject")).Select(e => e.Value).FirstOrDefault();
            if (!string.IsNullOrEmpty(named))
            {
                string path = RepoPaths.FromRoot(named.Replace("$(RepoRoot)", string.Empty));
                return File.Exists(path) ? path : null;
            }

            List<string> folders = gateFiles.SelectMany(x => x.Descendants("Compile"))
                .Select(e => (string)e.Attribute("Include"))
                .Where(i => i != null && i.StartsWith("$(RepoRoot)", StringComparison.Ordinal) && i.Contains("/**", StringComparison.Ordinal))
                .Select(i => i.Substring("$(RepoRoot)".Length))
                .Select(i => i.Substring(0, i.IndexOf("/**", StringComparison.Ordinal)))
                .Distinct()
                .ToList();
            if (folders.Count != 1)
            {
                return null;
            }

            string folder = RepoPaths.FromRoot(folders[0]);
            string[] nfprojs = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.nfproj") : Array.Empty<string>();
            return nfprojs.Length == 1 ? nfprojs[0] : null;
        }

        /// <summary>The gate project and the files it imports from the Gates folder (shared .targets/.props).</summary>
        private static List<XDocument> WithImports(string gatePath, XDocument gateXml)
        {
            var files = new List<XDocument> { gateXml };
            string gatesDir = Path.GetDirectoryName(gatePath);
            foreach (string import in gateXml.Descendants("Import").Select(e => Expand((string)e.Attribute("Project"), gatePath)))
            {
                string path = Path.GetFullPath(Path.Combine(gatesDir, import));
                if (Path.GetDirectoryName(path) == gatesDir && File.Exists(path))
                {
                    files.Add(XDocument.Load(path));
                }
            }

            return files;
        }

        /// <summary>Resolves the two MSBuild properties gate files use in paths.</summary>
        private static string Expand(string value, string gatePath)
        {
            return value.Replace("$(MSBuildThisFileDirectory)", Path.GetDirectoryName(gatePath) + "/")
                .Replace("$(RepoRoot)", RepoPaths.Root.TrimEnd('/') + "/")
                .Replace('\\', '/');
        }

        private static string AssemblyNameOf(string projectPath)
        {
            XDocument xml = XDocument.Load(projectPath);
            string name = xml.Descendants().FirstOrDefault(e => e.Name.LocalName == "AssemblyName")?.Value;
            return string.IsNullOrEmpty(name) ? Path.GetFileNameWithoutExtension(projectPath) : name;
        }
    }
}
