using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace TagoFirmware.IntegrationTests.Docs
{
    /// <summary>
    /// A cheap guard against documentation drift: README.md's Quick start commands run as written, and every repository
    /// path, code identifier, host-twin option and flash.ps1 parameter that README.md or docs/ name exists.
    /// </summary>
    [TestClass]
    public sealed class DocsTests
    {
        /// <summary>README's size limit: what a new user reads before deciding, not the whole manual.</summary>
        private const int ReadmeMaxBytes = 15 * 1024;

        /// <summary>Folders whose paths the docs name: a path under one of these must exist in the repository.</summary>
        private static readonly Regex RepoPath = new Regex(
            @"(?<![\w./\\-])((?:firmware|tests|docs|hardware|build|\.ci|\.config)/[A-Za-z0-9_.+/-]*)", RegexOptions.Compiled);

        /// <summary>A file at the repository root named on its own (`flash.ps1`, `BENCHMARKS.md`).</summary>
        private static readonly Regex RootFile = new Regex(@"^[A-Za-z][A-Za-z0-9_.-]*\.(?:md|ps1|sh|sln|slnf|props)$", RegexOptions.Compiled);

        /// <summary>flash.ps1's parameters as a user types them.</summary>
        private static readonly Regex PowerShellParameter = new Regex(@"(?<![\w-])-([A-Z][A-Za-z]+)\b", RegexOptions.Compiled);

        /// <summary>Long options.</summary>
        private static readonly Regex LongOption = new Regex(@"(?<![\w-])(--[a-z][a-z0-9-]*)", RegexOptions.Compiled);

        /// <summary>Parameters of PowerShell itself that appear next to flash.ps1 (Get-Help ./flash.ps1 -Full).</summary>
        private static readonly string[] PowerShellOwnParameters = { "Full", "Examples", "Detailed", "NoLogo", "NoProfile", "File" };

        private static string Root => FindRoot();

        private static IEnumerable<string> DocFiles()
        {
            yield return Path.Combine(Root, "README.md");
            foreach (string file in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").OrderBy(f => f, StringComparer.Ordinal))
            {
                yield return file;
            }
        }

        [TestMethod]
        public void Readme_is_at_most_15_KB()
        {
            long size = new FileInfo(Path.Combine(Root, "README.md")).Length;
            Assert.IsTrue(size <= ReadmeMaxBytes, "README.md is " + size + " bytes; move details to docs/ (limit " + ReadmeMaxBytes + ")");
        }

        [TestMethod]
        public void Every_repository_path_named_in_README_and_docs_exists()
        {
            var missing = new List<string>();
            foreach (string file in DocFiles())
            {
                string text = File.ReadAllText(file);
                string where = Path.GetRelativePath(Root, file).Replace('\\', '/');
                string dir = Path.GetDirectoryName(file);

                // Markdown links to files of the repository, relative to the page.
                foreach (Match m in Regex.Matches(text, @"\]\(([^)\s]+)\)"))
                {
                    string target = m.Groups[1].Value;
                    if (target.StartsWith("http", StringComparison.Ordinal) || target.StartsWith("#", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    string path = target.Split('#')[0];
                    string full = Path.GetFullPath(Path.Combine(dir, path));
                    if (!File.Exists(full) && !Directory.Exists(full))
                    {
                        missing.Add(where + ": link " + target);
                    }
                }

                // Paths named in the text (prose, code spans and code blocks).
                foreach (Match m in RepoPath.Matches(text))
                {
                    string path = m.Groups[1].Value.TrimEnd('.');
                    int end = m.Index + m.Length;
                    bool placeholder = end < text.Length && "<{*…[".IndexOf(text[end]) >= 0;   // NFUnitTest.<Area>.nfproj
                    if (placeholder || IsGeneratedOrPattern(path))
                    {
                        continue;
                    }

                    string full = Path.Combine(Root, path);
                    if (!File.Exists(full) && !Directory.Exists(full))
                    {
                        missing.Add(where + ": " + path);
                    }
                }

                // Files at the root named on their own in a code span.
                foreach (Match m in Regex.Matches(text, "`([^`\n]+)`"))
                {
                    string span = m.Groups[1].Value.Trim();
                    if (RootFile.IsMatch(span) && !File.Exists(Path.Combine(Root, span)) && !File.Exists(Path.Combine(dir, span)))
                    {
                        missing.Add(where + ": " + span);
                    }
                }
            }

            List<string> distinct = missing.Distinct().ToList();
            Assert.AreEqual(0, distinct.Count, "named in the docs but not in the repository:\n" + string.Join("\n", distinct));
        }

        [TestMethod]
        public void Every_code_identifier_named_in_README_and_docs_exists_in_the_sources()
        {
            // Every word of the sources (C#, project files, scripts): a type, member, constant or enum value the docs
            // name in a code span must still be one of them, so a rename or removal shows up here.
            var words = new HashSet<string>(StringComparer.Ordinal);
            foreach (string file in SourceFiles(Root))
            {
                foreach (Match m in Regex.Matches(File.ReadAllText(file), "[A-Za-z_][A-Za-z0-9_]*"))
                {
                    words.Add(m.Value);
                }
            }

            var unknown = new List<string>();
            foreach (string file in DocFiles())
            {
                string where = Path.GetRelativePath(Root, file).Replace('\\', '/');
                foreach (Match span in Regex.Matches(File.ReadAllText(file), "`([^`\n]+)`"))
                {
                    // CamelCase words with at least two humps (NodeStatus, MaxInFlightPublishes), not file, key or XML element names.
                    foreach (Match id in Regex.Matches(span.Groups[1].Value, @"(?<![\w.</-])([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+)(?![\w-])"))
                    {
                        if (!words.Contains(id.Groups[1].Value))
                        {
                            unknown.Add(where + ": " + id.Groups[1].Value);
                        }
                    }
                }
            }

            List<string> distinct = unknown.Distinct().ToList();
            Assert.AreEqual(0, distinct.Count, "named in the docs but in no source file (renamed or removed?):\n" + string.Join("\n", distinct));
        }

        [TestMethod]
        public void No_example_puts_a_secret_from_the_environment_on_a_command_line()
        {
            // "--token $TAGO_DEVICE_TOKEN" copies the token into the process list, which any local user can read; the
            // twin and flash.ps1 read the variables themselves.
            var secretArgument = new Regex(@"(?:--token|--wifi-password|-Token|-WifiPassword)\s+[""']?\$(?:env:)?\{?TAGO_", RegexOptions.IgnoreCase);
            var found = new List<string>();
            foreach (string file in DocFiles())
            {
                foreach (string line in File.ReadAllLines(file))
                {
                    if (secretArgument.IsMatch(line))
                    {
                        found.Add(Path.GetRelativePath(Root, file) + ": " + line.Trim());
                    }
                }
            }

            Assert.AreEqual(0, found.Count, "examples that pass a secret variable as an argument:\n" + string.Join("\n", found));
        }

        [TestMethod]
        public void Every_host_twin_option_named_in_README_and_docs_exists()
        {
            string help = RunTwin("--help", out int code);
            Assert.AreEqual(0, code, help);
            var known = new HashSet<string>(LongOption.Matches(help).Select(m => m.Groups[1].Value), StringComparer.Ordinal) { "--help" };
            Assert.IsTrue(known.Contains("--count"), "the twin's --help lists its options:\n" + help);

            var unknown = new List<string>();
            foreach (string file in DocFiles())
            {
                string where = Path.GetRelativePath(Root, file).Replace('\\', '/');
                bool twinPage = where == "docs/twin.md";
                foreach (string line in File.ReadAllLines(file))
                {
                    foreach (string option in TwinOptionsIn(line, twinPage))
                    {
                        if (!known.Contains(option))
                        {
                            unknown.Add(where + ": " + option + "   (" + line.Trim() + ")");
                        }
                    }
                }
            }

            Assert.AreEqual(0, unknown.Count, "twin options the docs name but the twin does not accept:\n" + string.Join("\n", unknown));
        }

        [TestMethod]
        public void Every_flash_ps1_parameter_named_in_README_and_docs_exists()
        {
            string script = File.ReadAllText(Path.Combine(Root, "flash.ps1"));
            Match param = Regex.Match(script, @"(?ms)^param\((.*?)^\)");
            Assert.IsTrue(param.Success, "flash.ps1 has a param( ) block");
            var known = new HashSet<string>(Regex.Matches(param.Groups[1].Value, @"\$([A-Za-z]+)").Select(m => m.Groups[1].Value), StringComparer.OrdinalIgnoreCase);

            var unknown = new List<string>();
            foreach (string file in DocFiles())
            {
                string where = Path.GetRelativePath(Root, file).Replace('\\', '/');
                foreach (string line in File.ReadAllLines(file))
                {
                    var candidates = new List<string>();
                    int at = line.IndexOf("flash.ps1", StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        candidates.AddRange(PowerShellParameter.Matches(line.Substring(at)).Select(m => m.Groups[1].Value));
                    }

                    // `-Target ESP32_S3`, `-MassErase`: a code span that starts with a parameter.
                    foreach (Match span in Regex.Matches(line, "`(-[A-Z][A-Za-z]+)[^`]*`"))
                    {
                        candidates.Add(span.Groups[1].Value.Substring(1));
                    }

                    foreach (string name in candidates.Distinct())
                    {
                        if (!known.Contains(name) && !PowerShellOwnParameters.Contains(name))
                        {
                            unknown.Add(where + ": -" + name + "   (" + line.Trim() + ")");
                        }
                    }
                }
            }

            Assert.AreEqual(0, unknown.Count, "flash.ps1 parameters the docs name but the script does not have:\n" + string.Join("\n", unknown));
        }

        // Runs `dotnet run`, which builds the twin: alone, after the parallel tests, so their timing is not disturbed.
        [TestMethod]
        [DoNotParallelize]
        [Timeout(900000, CooperativeCancellation = true)]
        public async Task Every_Quick_start_command_runs_as_written_except_test_sh()
        {
            string readme = File.ReadAllText(Path.Combine(Root, "README.md"));
            Match section = Regex.Match(readme, @"(?ms)^## Quick start\s*$(.*?)(?=^## )");
            Assert.IsTrue(section.Success, "README.md has a '## Quick start' section");
            var commands = new List<string>();
            foreach (Match block in Regex.Matches(section.Groups[1].Value, @"(?ms)^```(?:sh|bash)?\s*$(.*?)^```"))
            {
                foreach (string raw in block.Groups[1].Value.Split('\n'))
                {
                    string line = Regex.Replace(raw, @"\s+#\s.*$", string.Empty).Trim();
                    if (line.Length > 0)
                    {
                        commands.Add(line);
                    }
                }
            }

            Assert.IsTrue(commands.Any(c => c.Contains("firmware/TagoFirmware.Host", StringComparison.Ordinal)), "Quick start runs the twin:\n" + string.Join("\n", commands));
            foreach (string command in commands)
            {
                if (command == "./test.sh")
                {
                    continue;   // the command that runs this test
                }

                string run = command;
                string dataDir = null;
                if (command.Contains("firmware/TagoFirmware.Host", StringComparison.Ordinal))
                {
                    // The twin runs until Ctrl+C: bound it by a count (and a timeout), in a throw-away data directory.
                    dataDir = Directory.CreateTempSubdirectory("tago-docs-").FullName;
                    run += (command.Contains(" -- ", StringComparison.Ordinal) ? " " : " -- ") + "--count 1 --timeout 240 --data-dir '" + dataDir + "'";
                }

                (int code, string output) = await RunShellAsync(run, TimeSpan.FromMinutes(7));
                if (dataDir != null)
                {
                    Directory.Delete(dataDir, true);
                }

                Assert.AreEqual(0, code, "README Quick start command failed: " + command + "\n" + output);
                if (dataDir != null)
                {
                    StringAssert.Contains(output, "done: 1 payload(s) acknowledged", output);
                }
            }
        }

        private static IEnumerable<string> TwinOptionsIn(string line, bool twinPage)
        {
            if (twinPage)
            {
                return LongOption.Matches(line).Select(m => m.Groups[1].Value).Where(o => o != "--project");
            }

            var found = new List<string>();
            int at = line.IndexOf("TagoFirmware.Host", StringComparison.Ordinal);
            if (at >= 0)
            {
                int dashes = line.IndexOf(" -- ", at, StringComparison.Ordinal);
                if (dashes >= 0)
                {
                    found.AddRange(LongOption.Matches(line.Substring(dashes)).Select(m => m.Groups[1].Value));
                }
            }

            // `-- --count 3`: arguments passed through dotnet run to the twin.
            foreach (Match span in Regex.Matches(line, "`-- ([^`]*)`"))
            {
                found.AddRange(LongOption.Matches(span.Groups[1].Value).Select(m => m.Groups[1].Value));
            }

            return found;
        }

        private static IEnumerable<string> SourceFiles(string root)
        {
            string[] extensions = { ".cs", ".csproj", ".nfproj", ".props", ".targets", ".runsettings", ".config", ".json", ".ps1", ".sh", ".py" };
            var pending = new Stack<string>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                string dir = pending.Pop();
                foreach (string file in Directory.EnumerateFiles(dir))
                {
                    if (extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
                    {
                        yield return file;
                    }
                }

                foreach (string sub in Directory.EnumerateDirectories(dir))
                {
                    string name = Path.GetFileName(sub);
                    if (name != "bin" && name != "obj" && name != "artifacts" && name != "packages" && !name.StartsWith(".", StringComparison.Ordinal))
                    {
                        pending.Push(sub);
                    }
                }
            }
        }

        private static bool IsGeneratedOrPattern(string path)
        {
            return path.Contains("/bin/", StringComparison.Ordinal) || path.Contains("/obj/", StringComparison.Ordinal)
                || path.EndsWith("/bin", StringComparison.Ordinal) || path.EndsWith("/obj", StringComparison.Ordinal);
        }

        private static string RunTwin(string arguments, out int exitCode)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TagoFirmware.Host.dll"));
            start.ArgumentList.Add(arguments);
            using Process twin = Process.Start(start);
            Task<string> stderr = twin.StandardError.ReadToEndAsync();
            string output = twin.StandardOutput.ReadToEnd();
            twin.WaitForExit(60000);
            exitCode = twin.ExitCode;
            return output + stderr.Result;
        }

        private static async Task<(int Code, string Output)> RunShellAsync(string command, TimeSpan limit)
        {
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Root };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(command);
            start.Environment.Remove("TAGO_DEVICE_TOKEN");
            using Process process = Process.Start(start);
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit((int)limit.TotalMilliseconds))
            {
                process.Kill(true);
                return (-1, "timed out after " + limit + "\n" + await stdout + await stderr);
            }

            var output = new StringBuilder();
            output.Append(await stdout).Append(await stderr);
            return (process.ExitCode, output.ToString());
        }

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "TagoFirmware.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("repository root (TagoFirmware.sln) not found above " + AppContext.BaseDirectory);
        }
    }
}
