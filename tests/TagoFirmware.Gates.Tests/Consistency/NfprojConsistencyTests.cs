using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Gates.Tests.Infrastructure;

namespace TagoFirmware.Gates.Tests.Consistency
{
    /// <summary>Gate 2d over every .nfproj of the repository, one test per project so a failure names it.</summary>
    [TestClass]
    public class NfprojConsistencyTests
    {
        /// <summary>Every .nfproj under firmware/ and tests/ (and anywhere else), relative to the repository root.</summary>
        public static IEnumerable<object[]> Projects => RepoProjects.Find(RepoPaths.Root, ".nfproj").Select(p => new object[] { p });

        [TestMethod]
        [DynamicData(nameof(Projects))]
        public void Nfproj_lists_exactly_its_sources_and_references_the_packages_config_versions(string project)
        {
            var problems = NfprojChecker.Check(RepoPaths.FromRoot(project), RepoPaths.Root);

            Assert.AreEqual(0, problems.Count, $"{project} is inconsistent:\n" + string.Join("\n", problems.Select(p => "  " + p)));
        }

        [TestMethod]
        public void Repository_holds_the_core_and_several_device_test_projects()
        {
            var projects = RepoProjects.Find(RepoPaths.Root, ".nfproj").ToList();

            CollectionAssert.Contains(projects, "firmware/TagoFirmware.Core/TagoFirmware.Core.nfproj", "found: " + string.Join(", ", projects));
            Assert.IsTrue(projects.Count(p => p.StartsWith(TestsFolder + "/NFUnitTest.", StringComparison.Ordinal)) >= 2,
                "the device tests are split into several test assemblies; found: " + string.Join(", ", projects));
        }

        [TestMethod]
        public void Every_device_test_source_is_in_a_device_test_project_and_every_test_in_exactly_one()
        {
            var owners = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var testOwners = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (string project in DeviceTestProjects())
            {
                var document = XDocument.Load(RepoPaths.FromRoot(project));
                Assert.IsNotNull(NfprojChecker.DeclaredFolders(document), $"{project} does not declare its folders in its Compile marker (tests=\"...\")");
                foreach (string source in NfprojChecker.ExpectedSources(document, RepoPaths.FromRoot(TestsFolder), new List<string>()))
                {
                    Add(owners, source, project);
                    if (NfprojChecker.IsTestFile(RepoPaths.FromRoot(TestsFolder + "/" + source)))
                    {
                        Add(testOwners, source, project);
                    }
                }
            }

            var problems = new List<string>();
            foreach (string source in NfprojChecker.SourceFiles(RepoPaths.FromRoot(TestsFolder)).OrderBy(s => s, StringComparer.Ordinal))
            {
                if (!owners.ContainsKey(source))
                {
                    problems.Add($"{source} is in no device test project: add its folder to the tests=\"...\" of one {TestsFolder}/NFUnitTest.*.nfproj");
                }
                else if (testOwners.TryGetValue(source, out var list) && list.Count > 1)
                {
                    problems.Add($"{source} holds tests and is in {string.Join(", ", list)}: each test runs in exactly one device test assembly");
                }
            }

            Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
        }

        [TestMethod]
        public void Every_device_test_project_has_a_gate_build()
        {
            var gates = Directory.EnumerateFiles(RepoPaths.FromRoot(DeviceAssemblies.GatesFolder), "*.csproj").Select(File.ReadAllText).ToList();
            foreach (string project in DeviceTestProjects())
            {
                string name = Path.GetFileName(project);
                Assert.IsTrue(gates.Any(g => g.Contains("<NfUnitTestProject>$(RepoRoot)" + project + "</NfUnitTestProject>", StringComparison.Ordinal)),
                    $"no gate project in {DeviceAssemblies.GatesFolder} compiles {project}: add {Path.GetFileNameWithoutExtension(name)}.Device.csproj "
                    + "setting NfUnitTestProject and importing NFUnitTest.Device.targets");
            }
        }

        [TestMethod]
        public void Nfproj_sync_script_finds_nothing_to_change()
        {
            // build/sync-nfproj.py writes the lists this gate checks; both must agree on every project.
            var (exitCode, output) = ProcessRunner.Run("python3", RepoPaths.Root, "build/sync-nfproj.py", "--check");

            Assert.AreEqual(0, exitCode, output);
        }

        private const string TestsFolder = "tests/TagoFirmware.Core.Tests";

        private static IEnumerable<string> DeviceTestProjects()
            => RepoProjects.Find(RepoPaths.Root, ".nfproj").Where(p => p.StartsWith(TestsFolder + "/", StringComparison.Ordinal));

        private static void Add(Dictionary<string, List<string>> map, string key, string value)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = new List<string>();
            }

            list.Add(value);
        }
    }
}
