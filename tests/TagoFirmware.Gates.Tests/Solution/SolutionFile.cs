using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace TagoFirmware.Gates.Tests.Solution
{
    /// <summary>The parts of a classic .sln file the solution gate checks.</summary>
    public sealed class SolutionFile
    {
        /// <summary>Project type of a solution folder.</summary>
        public const string FolderType = "{2150E333-8FDC-42A3-9474-1A3956D46DE8}";

        /// <summary>Project type of a nanoFramework .nfproj.</summary>
        public const string NfprojType = "{11A8DD76-328B-46DF-9F39-F559912D0360}";

        /// <summary>Project type of an SDK-style C# project.</summary>
        public const string CsprojType = "{9A19103F-16F7-4668-BE54-9A1E7A4F7556}";

        private static readonly Regex s_project = new Regex(
            @"^Project\(""(?<type>\{[^}]+\})""\)\s*=\s*""(?<name>[^""]*)"",\s*""(?<path>[^""]*)"",\s*""(?<guid>\{[^}]+\})""", RegexOptions.Multiline);

        private static readonly Regex s_config = new Regex(@"^\s*(?<guid>\{[^}]+\})\.(?<config>[^.]+)\.(?<what>ActiveCfg|Build\.0|Deploy\.0)\s*=", RegexOptions.Multiline);

        private static readonly Regex s_nested = new Regex(@"^\s*(?<child>\{[^}]+\})\s*=\s*(?<parent>\{[^}]+\})\s*$", RegexOptions.Multiline);

        private SolutionFile()
        {
        }

        /// <summary>The first line after the optional BOM and blank line.</summary>
        public string Header { get; private set; }

        /// <summary>Every Project entry that is not a solution folder.</summary>
        public IReadOnlyList<(string Type, string Name, string Path, string Guid)> Projects { get; private set; }

        /// <summary>Solution folder GUID to name.</summary>
        public IReadOnlyDictionary<string, string> Folders { get; private set; }

        /// <summary>Child GUID to parent folder GUID (NestedProjects).</summary>
        public IReadOnlyDictionary<string, string> Parents { get; private set; }

        /// <summary>Project configuration lines, as "GUID.Config.What".</summary>
        public IReadOnlyCollection<string> ConfigurationLines { get; private set; }

        /// <summary>Reads a .sln file.</summary>
        public static SolutionFile Load(string path)
        {
            string text = File.ReadAllText(path);
            var entries = s_project.Matches(text).Select(m => (
                Type: m.Groups["type"].Value.ToUpperInvariant(), Name: m.Groups["name"].Value,
                Path: m.Groups["path"].Value.Replace('\\', '/'), Guid: m.Groups["guid"].Value.ToUpperInvariant())).ToList();
            var nestedSection = Regex.Match(text, @"GlobalSection\(NestedProjects\).*?EndGlobalSection", RegexOptions.Singleline).Value;
            return new SolutionFile
            {
                Header = text.TrimStart('\uFEFF', '\r', '\n').Split('\n')[0].TrimEnd('\r'),
                Projects = entries.Where(e => e.Type != FolderType).ToList(),
                Folders = entries.Where(e => e.Type == FolderType).ToDictionary(e => e.Guid, e => e.Name),
                Parents = s_nested.Matches(nestedSection).ToDictionary(m => m.Groups["child"].Value.ToUpperInvariant(), m => m.Groups["parent"].Value.ToUpperInvariant()),
                ConfigurationLines = new HashSet<string>(s_config.Matches(text).Select(m =>
                    m.Groups["guid"].Value.ToUpperInvariant() + "." + m.Groups["config"].Value + "." + m.Groups["what"].Value)),
            };
        }

        /// <summary>The solution folder path of an entry, e.g. <c>firmware/nanoFramework</c>; empty at the top.</summary>
        public string FolderPathOf(string guid)
        {
            var parts = new List<string>();
            var seen = new HashSet<string>();
            while (Parents.TryGetValue(guid, out string parent) && seen.Add(parent))
            {
                parts.Insert(0, Folders.TryGetValue(parent, out string name) ? name : parent);
                guid = parent;
            }

            return string.Join("/", parts);
        }
    }
}
