using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TagoFirmware.Gates.Tests.Infrastructure
{
    /// <summary>Finds the project files of the repository the way build/sync-sln.py does.</summary>
    public static class RepoProjects
    {
        /// <summary>Folders that never hold projects of ours (build outputs, restored packages, tool state).</summary>
        public static readonly IReadOnlyCollection<string> SkippedFolders = new[]
        {
            ".git", ".vs", "obj", "bin", "artifacts", "packages", "node_modules", "TestResults", "BenchmarkDotNet.Artifacts",
        };

        /// <summary>Relative paths ('/'-separated, ordinal order) of every file ending in <paramref name="extension"/> under <paramref name="root"/>.</summary>
        public static IEnumerable<string> Find(string root, string extension)
        {
            var found = new List<string>();
            var pending = new Stack<string>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                string dir = pending.Pop();
                foreach (string file in Directory.EnumerateFiles(dir, "*" + extension))
                {
                    if (file.EndsWith(extension, StringComparison.Ordinal))
                    {
                        found.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
                    }
                }

                foreach (string sub in Directory.EnumerateDirectories(dir))
                {
                    string name = Path.GetFileName(sub);
                    if (!SkippedFolders.Contains(name, StringComparer.OrdinalIgnoreCase) && !name.StartsWith(".", StringComparison.Ordinal))
                    {
                        pending.Push(sub);
                    }
                }
            }

            return found.OrderBy(p => p, StringComparer.Ordinal);
        }
    }
}
