using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace TagoFirmware.Gates.Tests.Consistency
{
    /// <summary>Proves the consistency gate catches each kind of drift, on throwaway project folders.</summary>
    [TestClass]
    public class NfprojCheckerFixtureTests
    {
        private const string PackagesConfig = @"<?xml version=""1.0"" encoding=""utf-8""?>
<packages>
  <package id=""nanoFramework.CoreLibrary"" version=""1.17.11"" targetFramework=""netnano1.0"" />
  <package id=""nanoFramework.M2Mqtt"" version=""5.1.220"" targetFramework=""netnano1.0"" />
</packages>";

        private const string MscorlibReference = @"
    <Reference Include=""mscorlib, Version=1.17.11.0, Culture=neutral, PublicKeyToken=c07d481e9758c731"">
      <HintPath>..\..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll</HintPath>
      <Private>True</Private>
    </Reference>";

        private const string MqttReferences = @"
    <Reference Include=""nanoFramework.M2Mqtt, Version=5.1.220.0, Culture=neutral, PublicKeyToken=c07d481e9758c731"">
      <HintPath>..\..\packages\nanoFramework.M2Mqtt.5.1.220\lib\nanoFramework.M2Mqtt.dll</HintPath>
    </Reference>
    <Reference Include=""nanoFramework.M2Mqtt.Core, Version=5.1.220.0, Culture=neutral, PublicKeyToken=c07d481e9758c731"">
      <HintPath>..\..\packages\nanoFramework.M2Mqtt.5.1.220\lib\nanoFramework.M2Mqtt.Core.dll</HintPath>
    </Reference>";

        private string _root;

        [TestInitialize]
        public void CreateRepository()
        {
            _root = Path.Combine(Path.GetTempPath(), "tago-nfproj-fixture-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(_root, "firmware", "App", "Sub"));
            Directory.CreateDirectory(Path.Combine(_root, "firmware", "Lib"));
            File.WriteAllText(Path.Combine(_root, "firmware", "App", "Program.cs"), "");
            File.WriteAllText(Path.Combine(_root, "firmware", "App", "Sub", "Helper.cs"), "");
            File.WriteAllText(Path.Combine(_root, "firmware", "App", "packages.config"), PackagesConfig);
            File.WriteAllText(Path.Combine(_root, "firmware", "Lib", "Lib.nfproj"), "<Project />");
        }

        [TestCleanup]
        public void DeleteRepository() => Directory.Delete(_root, true);

        [TestMethod]
        public void Consistent_project_has_no_problems()
        {
            var problems = CheckApp(Compile("Program.cs", @"Sub\Helper.cs"), MscorlibReference + MqttReferences, @"..\Lib\Lib.nfproj");

            Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
        }

        [TestMethod]
        public void Source_file_missing_from_the_project_is_named()
        {
            var problems = CheckApp(Compile("Program.cs"), MscorlibReference + MqttReferences);

            AssertSingle(problems, "Sub/Helper.cs is in the project folder but not listed");
        }

        [TestMethod]
        public void Sources_under_obj_and_bin_are_ignored()
        {
            foreach (string folder in new[] { "obj", "bin", Path.Combine("Sub", "obj") })
            {
                Directory.CreateDirectory(Path.Combine(_root, "firmware", "App", folder));
                File.WriteAllText(Path.Combine(_root, "firmware", "App", folder, "Generated.cs"), "");
            }

            var problems = CheckApp(Compile("Program.cs", @"Sub\Helper.cs"), MscorlibReference + MqttReferences);

            Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
        }

        [TestMethod]
        public void Listed_file_that_does_not_exist_is_named()
        {
            var problems = CheckApp(Compile("Program.cs", @"Sub\Helper.cs", @"Sub\Gone.cs"), MscorlibReference + MqttReferences);

            AssertSingle(problems, @"<Compile Include=""Sub\Gone.cs""> names a file that does not exist");
        }

        [TestMethod]
        public void Listed_file_with_the_wrong_case_is_named()
        {
            var problems = CheckApp(Compile("program.cs", @"Sub\Helper.cs"), MscorlibReference + MqttReferences);

            Assert.IsTrue(problems.Any(p => p.Contains(@"<Compile Include=""program.cs""> names a file that does not exist")), string.Join("\n", problems));
            Assert.IsTrue(problems.Any(p => p.StartsWith("Program.cs is in the project folder but not listed")), string.Join("\n", problems));
        }

        [TestMethod]
        public void Wildcard_compile_item_is_refused()
        {
            var problems = CheckApp(@"<Compile Include=""**\*.cs"" />", MscorlibReference + MqttReferences);

            Assert.IsTrue(problems.Any(p => p.Contains("uses a wildcard")), string.Join("\n", problems));
        }

        [TestMethod]
        public void HintPath_into_another_version_than_packages_config_is_named_with_both_versions()
        {
            string references = MscorlibReference + MqttReferences.Replace(@"nanoFramework.M2Mqtt.5.1.220\lib\nanoFramework.M2Mqtt.dll", @"nanoFramework.M2Mqtt.5.1.215\lib\nanoFramework.M2Mqtt.dll");

            var problems = CheckApp(Compile("Program.cs", @"Sub\Helper.cs"), references);

            AssertSingle(problems, "Reference nanoFramework.M2Mqtt: HintPath ..\\..\\packages\\nanoFramework.M2Mqtt.5.1.215\\lib\\nanoFramework.M2Mqtt.dll is into nanoFramework.M2Mqtt 5.1.215, but packages.config has nanoFramework.M2Mqtt 5.1.220");
        }

        [TestMethod]
        public void Assembly_version_that_disagrees_with_the_package_is_named()
        {
            string references = MscorlibReference.Replace("Version=1.17.11.0", "Version=1.16.0.0") + MqttReferences;

            var problems = CheckApp(Compile("Program.cs", @"Sub\Helper.cs"), references);

            AssertSingle(problems, "Reference mscorlib: Version=1.16.0.0 does not match package nanoFramework.CoreLibrary 1.17.11");
        }

        [TestMethod]
        public void Package_without_any_reference_is_named()
        {
            var problems = CheckApp(Compile("Program.cs", @"Sub\Helper.cs"), MscorlibReference);

            AssertSingle(problems, "packages.config lists nanoFramework.M2Mqtt 5.1.220, but no Reference points into it");
        }

        [TestMethod]
        public void Reference_to_a_package_missing_from_packages_config_is_named()
        {
            string extra = @"<Reference Include=""nanoFramework.Json, Version=2.2.213.0""><HintPath>..\..\packages\nanoFramework.Json.2.2.213\lib\nanoFramework.Json.dll</HintPath></Reference>";

            var problems = CheckApp(Compile("Program.cs", @"Sub\Helper.cs"), MscorlibReference + MqttReferences + extra);

            AssertSingle(problems, "is into package nanoFramework.Json, which packages.config does not list");
        }

        [TestMethod]
        public void HintPath_outside_the_solution_packages_folder_is_named()
        {
            var problems = CheckApp(Compile("Program.cs", @"Sub\Helper.cs"), MscorlibReference.Replace(@"..\..\packages", @"packages") + MqttReferences);

            AssertSingle(problems, "not the solution's packages folder");
        }

        [TestMethod]
        public void Project_reference_to_a_missing_project_is_named()
        {
            var problems = CheckApp(Compile("Program.cs", @"Sub\Helper.cs"), MscorlibReference + MqttReferences, @"..\Gone\Gone.nfproj");

            AssertSingle(problems, @"<ProjectReference Include=""..\Gone\Gone.nfproj""> names a project that does not exist");
        }

        [TestMethod]
        public void Test_project_over_declared_folders_lists_their_tests_and_the_helpers_of_its_support_folders()
        {
            string tests = Path.Combine(_root, "tests", "T");
            Directory.CreateDirectory(Path.Combine(tests, "A"));
            Directory.CreateDirectory(Path.Combine(tests, "B"));
            File.WriteAllText(Path.Combine(tests, "A", "ATests.cs"), "[TestClass]\npublic class ATests { }");
            File.WriteAllText(Path.Combine(tests, "B", "BTests.cs"), "    [TestClass]\n    public class BTests { }");
            File.WriteAllText(Path.Combine(tests, "B", "FakeB.cs"), "public class FakeB { }");
            File.Copy(Path.Combine(_root, "firmware", "App", "packages.config"), Path.Combine(tests, "packages.config"));

            string Project(string marker, params string[] files) => $@"<Project xmlns=""http://schemas.microsoft.com/developer/msbuild/2003"">
  <ItemGroup>
    <!-- BEGIN Compile {marker} -->
{Compile(files)}    <!-- END Compile -->
  </ItemGroup>
  <ItemGroup>{MscorlibReference + MqttReferences}
  </ItemGroup>
</Project>";
            string path = Path.Combine(tests, "NFUnitTest.A.nfproj");

            File.WriteAllText(path, Project("tests=\"A\" support=\"B\"", @"A\ATests.cs", @"B\FakeB.cs"));
            Assert.AreEqual(0, NfprojChecker.Check(path, _root).Count, string.Join("\n", NfprojChecker.Check(path, _root)));

            File.WriteAllText(path, Project("tests=\"A\" support=\"B\"", @"A\ATests.cs", @"B\FakeB.cs", @"B\BTests.cs"));
            AssertSingle(NfprojChecker.Check(path, _root), @"<Compile Include=""B/BTests.cs""> is not one of the project's sources");

            File.WriteAllText(path, Project("tests=\"A\" support=\"B\"", @"A\ATests.cs"));
            AssertSingle(NfprojChecker.Check(path, _root), "B/FakeB.cs is in a folder the Compile marker declares but not listed");

            // A declared folder that does not exist (yet) contributes nothing.
            File.WriteAllText(path, Project("tests=\"A C\"", @"A\ATests.cs"));
            Assert.AreEqual(0, NfprojChecker.Check(path, _root).Count, string.Join("\n", NfprojChecker.Check(path, _root)));
        }

        private static string Compile(params string[] files) => string.Concat(files.Select(f => $"<Compile Include=\"{f}\" />\n"));

        private IReadOnlyList<string> CheckApp(string compileItems, string references, string projectReference = null)
        {
            string projectReferences = projectReference == null ? "" : $"<ItemGroup><ProjectReference Include=\"{projectReference}\" /></ItemGroup>";
            string text = $@"<?xml version=""1.0"" encoding=""utf-8""?>
<Project ToolsVersion=""Current"" DefaultTargets=""Build"" xmlns=""http://schemas.microsoft.com/developer/msbuild/2003"">
  <ItemGroup>
{compileItems}
  </ItemGroup>
  <ItemGroup>
    <None Include=""packages.config"" />
  </ItemGroup>
  <ItemGroup>{references}
  </ItemGroup>
  {projectReferences}
</Project>";
            string path = Path.Combine(_root, "firmware", "App", "App.nfproj");
            File.WriteAllText(path, text);
            return NfprojChecker.Check(path, _root);
        }

        private static void AssertSingle(IReadOnlyList<string> problems, string expectedPart)
        {
            Assert.AreEqual(1, problems.Count, "expected exactly one problem containing '" + expectedPart + "':\n" + string.Join("\n", problems));
            StringAssert.Contains(problems[0], expectedPart);
        }
    }
}
