using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Gates.Tests.Infrastructure;

namespace TagoFirmware.Gates.Tests.Solution
{
    /// <summary>
    /// TagoFirmware.sln holds every project of the repository (the .nfproj ones included, for Visual Studio with the
    /// nanoFramework extension) and TagoFirmware.Linux.slnf exactly the SDK-style ones. build/sync-sln.py fixes both.
    /// </summary>
    [TestClass]
    public class SolutionFileTests
    {
        private const string Fix = " (run python3 build/sync-sln.py)";

        private static string SolutionPath => Path.Combine(RepoPaths.Root, "TagoFirmware.sln");

        [TestMethod]
        public void Solution_is_in_the_classic_format()
        {
            Assert.IsTrue(File.Exists(SolutionPath), "TagoFirmware.sln is missing" + Fix);
            Assert.AreEqual("Microsoft Visual Studio Solution File, Format Version 12.00", SolutionFile.Load(SolutionPath).Header);
        }

        [TestMethod]
        public void Solution_lists_every_project_of_the_repository_and_nothing_else()
        {
            var listed = SolutionFile.Load(SolutionPath).Projects.Select(p => p.Path).ToList();
            var onDisk = RepoProjects.Find(RepoPaths.Root, ".csproj").Concat(RepoProjects.Find(RepoPaths.Root, ".nfproj")).ToList();

            var missing = onDisk.Except(listed, StringComparer.Ordinal).ToList();
            var stale = listed.Except(onDisk, StringComparer.Ordinal).ToList();
            Assert.IsTrue(missing.Count == 0 && stale.Count == 0,
                $"TagoFirmware.sln is out of date{Fix}: missing [{string.Join(", ", missing)}], not on disk [{string.Join(", ", stale)}]");
            Assert.AreEqual(listed.Count, listed.Distinct(StringComparer.Ordinal).Count(), "a project is listed twice" + Fix);
        }

        [TestMethod]
        public void Nfproj_entries_have_the_nanoFramework_type_and_their_own_ProjectGuid()
        {
            foreach (var project in SolutionFile.Load(SolutionPath).Projects.Where(p => p.Path.EndsWith(".nfproj", StringComparison.Ordinal)))
            {
                Assert.AreEqual(SolutionFile.NfprojType, project.Type, project.Path);
                string text = File.ReadAllText(RepoPaths.FromRoot(project.Path));
                var guid = Regex.Match(text, @"<ProjectGuid>\s*\{?([^<}]+)\}?\s*</ProjectGuid>");
                Assert.IsTrue(guid.Success, project.Path + " has no <ProjectGuid>");
                Assert.AreEqual("{" + Guid.Parse(guid.Groups[1].Value).ToString().ToUpperInvariant() + "}", project.Guid,
                    project.Path + ": the solution entry's GUID differs from the project's <ProjectGuid>" + Fix);
            }
        }

        [TestMethod]
        public void Csproj_entries_have_the_SDK_style_CSharp_type()
        {
            foreach (var project in SolutionFile.Load(SolutionPath).Projects.Where(p => p.Path.EndsWith(".csproj", StringComparison.Ordinal)))
            {
                Assert.AreEqual(SolutionFile.CsprojType, project.Type, project.Path);
            }
        }

        [TestMethod]
        public void Project_GUIDs_are_unique()
        {
            var duplicates = SolutionFile.Load(SolutionPath).Projects.GroupBy(p => p.Guid).Where(g => g.Count() > 1)
                .Select(g => g.Key + ": " + string.Join(", ", g.Select(p => p.Path))).ToList();

            Assert.AreEqual(0, duplicates.Count, string.Join("\n", duplicates));
        }

        [TestMethod]
        public void Every_project_builds_in_Debug_and_Release_and_device_projects_also_deploy()
        {
            var solution = SolutionFile.Load(SolutionPath);
            foreach (var project in solution.Projects)
            {
                foreach (string config in new[] { "Debug|Any CPU", "Release|Any CPU" })
                {
                    foreach (string what in new[] { "ActiveCfg", "Build.0" })
                    {
                        Assert.IsTrue(solution.ConfigurationLines.Contains($"{project.Guid}.{config}.{what}"), $"{project.Path} has no {config}.{what} line{Fix}");
                    }

                    bool deploys = solution.ConfigurationLines.Contains($"{project.Guid}.{config}.Deploy.0");
                    Assert.AreEqual(project.Path.EndsWith(".nfproj", StringComparison.Ordinal), deploys, $"{project.Path}: {config}.Deploy.0 line{Fix}");
                }
            }
        }

        [TestMethod]
        public void Every_project_sits_in_the_solution_folder_of_its_top_folder()
        {
            var solution = SolutionFile.Load(SolutionPath);
            foreach (var project in solution.Projects)
            {
                string top = project.Path.Split('/')[0];
                string expected = project.Path.EndsWith(".nfproj", StringComparison.Ordinal) ? top + "/nanoFramework" : top;
                Assert.AreEqual(expected, solution.FolderPathOf(project.Guid), project.Path + Fix);
            }
        }

        [TestMethod]
        public void Linux_solution_filter_lists_exactly_the_SDK_style_projects()
        {
            string path = Path.Combine(RepoPaths.Root, "TagoFirmware.Linux.slnf");
            Assert.IsTrue(File.Exists(path), "TagoFirmware.Linux.slnf is missing" + Fix);
            using var filter = JsonDocument.Parse(File.ReadAllText(path));
            var solution = filter.RootElement.GetProperty("solution");

            Assert.AreEqual("TagoFirmware.sln", solution.GetProperty("path").GetString());
            var listed = solution.GetProperty("projects").EnumerateArray().Select(p => p.GetString().Replace('\\', '/')).OrderBy(p => p, StringComparer.Ordinal).ToList();
            var expected = RepoProjects.Find(RepoPaths.Root, ".csproj").ToList();
            CollectionAssert.AreEqual(expected, listed, $"TagoFirmware.Linux.slnf is out of date{Fix}: expected [{string.Join(", ", expected)}], has [{string.Join(", ", listed)}]");
        }

        [TestMethod]
        public void Sync_script_finds_nothing_to_change()
        {
            var (exitCode, output) = ProcessRunner.Run("python3", RepoPaths.Root, "build/sync-sln.py", "--check");

            Assert.AreEqual(0, exitCode, output);
        }
    }
}
