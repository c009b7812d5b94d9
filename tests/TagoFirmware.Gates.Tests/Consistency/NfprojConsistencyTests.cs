using System.Collections.Generic;
using System.IO;
using System.Linq;
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
        public void Repository_holds_the_core_and_test_device_projects()
        {
            var projects = RepoProjects.Find(RepoPaths.Root, ".nfproj").ToList();

            CollectionAssert.IsSubsetOf(
                new[] { "firmware/TagoFirmware.Core/TagoFirmware.Core.nfproj", "tests/TagoFirmware.Core.Tests/NFUnitTest.nfproj" },
                projects, "found: " + string.Join(", ", projects));
        }
    }
}
