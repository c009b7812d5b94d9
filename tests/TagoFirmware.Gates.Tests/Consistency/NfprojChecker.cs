using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace TagoFirmware.Gates.Tests.Consistency
{
    /// <summary>
    /// Gate 2d: checks that an .nfproj agrees with its folder and its packages.config. nanoFramework projects do not
    /// glob, so a .cs file missing from the project silently does not ship, and a HintPath into another package
    /// version than packages.config restores breaks the Visual Studio build only on a clean machine.
    /// </summary>
    public static class NfprojChecker
    {
        /// <summary>Folders never scanned for sources: build outputs and restored packages (as build/sync-nfproj.py).</summary>
        public static readonly IReadOnlyCollection<string> ExcludedFolders = new[] { "obj", "bin", "packages" };

        /// <summary>
        /// Packages that ship no assembly to reference (build tools, analyzers), so packages.config may list them
        /// without a Reference. A package restored into packages/ is judged by whether it has a lib/ folder.
        /// </summary>
        public static readonly IReadOnlyCollection<string> PackagesWithoutLib = new[]
        {
            "Nerdbank.GitVersioning", "nanoFramework.Tools.MetadataProcessor.MsBuildTask", "StyleCop.Analyzers",
            "Microsoft.SourceLink.GitHub", "Microsoft.SourceLink.Common", "Microsoft.Build.Tasks.Git",
        };

        private static readonly XNamespace s_msbuild = "http://schemas.microsoft.com/developer/msbuild/2003";

        // packages\<Id>.<Version>\lib\<file>: the version is the first dot-separated run that starts with a digit.
        private static readonly Regex s_hintPath = new Regex(
            @"^(?<prefix>.*?)packages[\\/](?<id>[^\\/]+?)\.(?<version>\d+(\.\d+){1,3}(-[0-9A-Za-z.\-]+)?)[\\/]lib[\\/](?<file>.+)$",
            RegexOptions.CultureInvariant);

        /// <summary>Returns every inconsistency of <paramref name="nfprojPath"/>, each naming the file, reference or package.</summary>
        /// <param name="nfprojPath">The project file.</param>
        /// <param name="repoRoot">The solution folder, whose packages/ folder every HintPath must point into.</param>
        public static IReadOnlyList<string> Check(string nfprojPath, string repoRoot)
        {
            var problems = new List<string>();
            string projectDir = Path.GetDirectoryName(Path.GetFullPath(nfprojPath));
            XDocument project;
            try
            {
                project = XDocument.Load(nfprojPath);
            }
            catch (XmlException e)
            {
                return new[] { $"{Path.GetFileName(nfprojPath)} is not valid XML: {e.Message}" };
            }

            CheckCompileItems(project, projectDir, problems);
            var packages = ReadPackagesConfig(projectDir, problems);
            CheckReferences(project, projectDir, repoRoot, packages, problems);
            CheckProjectReferences(project, projectDir, problems);
            return problems;
        }

        /// <summary>Every .cs file under <paramref name="projectDir"/> outside obj/, bin/ and packages/, relative, with '/'.</summary>
        public static IEnumerable<string> SourceFiles(string projectDir)
        {
            var pending = new Stack<string>();
            pending.Push(projectDir);
            while (pending.Count > 0)
            {
                string dir = pending.Pop();
                foreach (string file in Directory.EnumerateFiles(dir, "*.cs"))
                {
                    yield return Path.GetRelativePath(projectDir, file).Replace('\\', '/');
                }

                foreach (string sub in Directory.EnumerateDirectories(dir))
                {
                    if (!ExcludedFolders.Contains(Path.GetFileName(sub), StringComparer.OrdinalIgnoreCase))
                    {
                        pending.Push(sub);
                    }
                }
            }
        }

        private static IEnumerable<XElement> Items(XDocument project, string itemType)
            => project.Descendants(s_msbuild + itemType).Concat(project.Descendants(itemType)).Where(e => e.Parent?.Name.LocalName == "ItemGroup");

        private static void CheckCompileItems(XDocument project, string projectDir, List<string> problems)
        {
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in Items(project, "Compile"))
            {
                string include = (string)item.Attribute("Include");
                if (include == null)
                {
                    continue;
                }

                string relative = include.Replace('\\', '/');
                if (relative.IndexOfAny(new[] { '*', '?' }) >= 0)
                {
                    problems.Add($"<Compile Include=\"{include}\"> uses a wildcard: list every file (python3 build/sync-nfproj.py)");
                    continue;
                }

                if (!listed.Add(relative))
                {
                    problems.Add($"<Compile Include=\"{include}\"> is listed twice");
                }

                if (!File.Exists(Path.Combine(projectDir, relative)))
                {
                    problems.Add($"<Compile Include=\"{include}\"> names a file that does not exist (exact case)");
                }
            }

            var expected = ExpectedSources(project, projectDir, problems);
            string where = DeclaredFolders(project) == null ? "in the project folder" : "in a folder the Compile marker declares";
            foreach (string source in expected.OrderBy(s => s, StringComparer.Ordinal))
            {
                if (!listed.Contains(source))
                {
                    problems.Add($"{source} is {where} but not listed as <Compile Include> (run python3 build/sync-nfproj.py)");
                }
            }

            foreach (string source in listed.Where(l => File.Exists(Path.Combine(projectDir, l)) && !expected.Contains(l)).OrderBy(s => s, StringComparer.Ordinal))
            {
                problems.Add($"<Compile Include=\"{source}\"> is not one of the project's sources (run python3 build/sync-nfproj.py)");
            }
        }

        /// <summary>
        /// The folders a device test project declares in its Compile marker, <c>&lt;!-- BEGIN Compile tests="A B"
        /// support="C" --&gt;</c> (as build/sync-nfproj.py reads them), or null for a project that lists its whole folder.
        /// </summary>
        public static (string[] Tests, string[] Support)? DeclaredFolders(XDocument project)
        {
            foreach (var comment in project.DescendantNodes().OfType<XComment>())
            {
                string text = comment.Value.Trim();
                if (!text.StartsWith("BEGIN Compile", StringComparison.Ordinal))
                {
                    continue;
                }

                var tests = Regex.Match(text, "\\btests=\"([^\"]*)\"");
                if (!tests.Success)
                {
                    return null;
                }

                var support = Regex.Match(text, "\\bsupport=\"([^\"]*)\"");
                return (Split(tests.Groups[1].Value), support.Success ? Split(support.Groups[1].Value) : Array.Empty<string>());
            }

            return null;
        }

        /// <summary>True when the file declares a test class (the nanoFramework launcher runs it).</summary>
        public static bool IsTestFile(string path) => Regex.IsMatch(File.ReadAllText(path), @"^\s*\[TestClass\b", RegexOptions.Multiline);

        /// <summary>The sources the project must list, relative with '/': its folder, or its declared test and support folders.</summary>
        public static HashSet<string> ExpectedSources(XDocument project, string projectDir, List<string> problems)
        {
            var declared = DeclaredFolders(project);
            if (declared == null)
            {
                return new HashSet<string>(SourceFiles(projectDir), StringComparer.Ordinal);
            }

            var expected = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (folders, testsToo) in new[] { (declared.Value.Tests, true), (declared.Value.Support, false) })
            {
                foreach (string folder in folders)
                {
                    // A declared folder that does not exist (yet) contributes nothing, as in build/sync-nfproj.py; a
                    // misspelt one leaves its files in no project, which the repository-wide consistency test reports.
                    string dir = Path.Combine(projectDir, folder);
                    if (!Directory.Exists(dir))
                    {
                        continue;
                    }

                    foreach (string file in SourceFiles(dir))
                    {
                        if (testsToo || !IsTestFile(Path.Combine(dir, file)))
                        {
                            expected.Add(Path.GetRelativePath(projectDir, Path.Combine(dir, file)).Replace('\\', '/'));
                        }
                    }
                }
            }

            return expected;
        }

        private static string[] Split(string folders) => folders.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        private static Dictionary<string, string> ReadPackagesConfig(string projectDir, List<string> problems)
        {
            var packages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string path = Path.Combine(projectDir, "packages.config");
            if (!File.Exists(path))
            {
                problems.Add("packages.config is missing beside the project");
                return packages;
            }

            XDocument config;
            try
            {
                config = XDocument.Load(path);
            }
            catch (XmlException e)
            {
                problems.Add("packages.config is not valid XML: " + e.Message);
                return packages;
            }

            foreach (var package in config.Descendants("package"))
            {
                string id = (string)package.Attribute("id");
                string version = (string)package.Attribute("version");
                if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(version))
                {
                    problems.Add($"packages.config has an entry without id or version: {package}");
                }
                else if (!packages.TryAdd(id, version))
                {
                    problems.Add($"packages.config lists {id} twice");
                }
            }

            return packages;
        }

        private static void CheckReferences(XDocument project, string projectDir, string repoRoot, Dictionary<string, string> packages, List<string> problems)
        {
            var referencedPackages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            string solutionPackages = Path.GetFullPath(Path.Combine(repoRoot, "packages")).TrimEnd('/');
            foreach (var reference in Items(project, "Reference"))
            {
                string include = (string)reference.Attribute("Include") ?? "";
                string simpleName = include.Split(',')[0].Trim();
                string hintPath = reference.Elements().FirstOrDefault(e => e.Name.LocalName == "HintPath")?.Value.Trim();
                if (string.IsNullOrEmpty(hintPath))
                {
                    problems.Add($"Reference {simpleName} has no HintPath: nanoFramework assemblies come from packages/");
                    continue;
                }

                var match = s_hintPath.Match(hintPath);
                if (!match.Success)
                {
                    problems.Add($"Reference {simpleName}: HintPath {hintPath} is not of the form packages\\<Id>.<Version>\\lib\\<file>");
                    continue;
                }

                string id = match.Groups["id"].Value;
                string version = match.Groups["version"].Value;
                string file = match.Groups["file"].Value;
                referencedPackages.Add(id);

                string packagesDir = Path.GetFullPath(Path.Combine(projectDir, match.Groups["prefix"].Value.Replace('\\', '/') + "packages")).TrimEnd('/');
                if (packagesDir != solutionPackages)
                {
                    problems.Add($"Reference {simpleName}: HintPath {hintPath} points into {packagesDir}, not the solution's packages folder {solutionPackages}");
                }

                if (!string.Equals(Path.GetFileNameWithoutExtension(file.Replace('\\', '/')), simpleName, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"Reference {simpleName}: HintPath {hintPath} names another assembly ({Path.GetFileName(file.Replace('\\', '/'))})");
                }

                if (!packages.TryGetValue(id, out string configured))
                {
                    problems.Add($"Reference {simpleName}: HintPath {hintPath} is into package {id}, which packages.config does not list");
                    continue;
                }

                if (configured != version)
                {
                    problems.Add($"Reference {simpleName}: HintPath {hintPath} is into {id} {version}, but packages.config has {id} {configured}");
                }

                CheckAssemblyVersion(include, simpleName, id, configured, problems);
            }

            foreach (var package in packages.Keys.OrderBy(k => k, StringComparer.Ordinal))
            {
                if (!referencedPackages.Contains(package) && ShipsLib(repoRoot, package, packages[package]))
                {
                    problems.Add($"packages.config lists {package} {packages[package]}, but no Reference points into it "
                        + "(nanoFramework projects reference every assembly they deploy, dependencies included)");
                }
            }
        }

        private static void CheckAssemblyVersion(string include, string simpleName, string id, string packageVersion, List<string> problems)
        {
            // The clear convention is Major.Minor: nanoFramework packages give their assemblies the package's
            // Major.Minor, and the rest varies (System.Threading 1.1.52.34401 in package 1.1.52, the IoT.Device
            // bindings 1.2.0.0 in 1.2.889, Nerdbank build heights). A Version= of another Major.Minor is a Reference
            // left behind by a package update. Prerelease packages are not compared.
            var assemblyVersion = Regex.Match(include, @"Version\s*=\s*(?<v>[0-9.]+)");
            if (!assemblyVersion.Success || packageVersion.Contains('-'))
            {
                return;
            }

            string[] assemblyParts = assemblyVersion.Groups["v"].Value.Split('.');
            string[] packageParts = packageVersion.Split('.');
            int compared = Math.Min(2, packageParts.Length);
            if (assemblyParts.Length < compared || !assemblyParts.Take(compared).SequenceEqual(packageParts.Take(compared)))
            {
                problems.Add($"Reference {simpleName}: Version={assemblyVersion.Groups["v"].Value} does not match package {id} {packageVersion}");
            }
        }

        private static bool ShipsLib(string repoRoot, string id, string version)
        {
            string restored = Path.Combine(repoRoot, "packages", id + "." + version);
            if (Directory.Exists(restored))
            {
                return Directory.Exists(Path.Combine(restored, "lib"));
            }

            return !PackagesWithoutLib.Contains(id, StringComparer.OrdinalIgnoreCase);
        }

        private static void CheckProjectReferences(XDocument project, string projectDir, List<string> problems)
        {
            foreach (var reference in Items(project, "ProjectReference"))
            {
                string include = (string)reference.Attribute("Include");
                if (include != null && !File.Exists(Path.Combine(projectDir, include.Replace('\\', '/'))))
                {
                    problems.Add($"<ProjectReference Include=\"{include}\"> names a project that does not exist (exact case)");
                }
            }
        }
    }
}
