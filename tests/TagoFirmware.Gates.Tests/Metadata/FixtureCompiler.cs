using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TagoFirmware.Gates.Tests.Infrastructure;

namespace TagoFirmware.Gates.Tests.Metadata
{
    /// <summary>
    /// Compiles small C# 9 fixture assemblies against the real nanoFramework mscorlib with Roslyn, the way the
    /// device gate projects do (no standard library, optimized), so the scanner is tested on what the compiler
    /// really emits for each construct.
    /// </summary>
    public static class FixtureCompiler
    {
        private static readonly object s_gate = new object();
        private static MetadataReference s_mscorlib;

        /// <summary>The folder the fixture assemblies are written to.</summary>
        public static string OutputDirectory { get; } = Path.Combine(Path.GetTempPath(), "tago-gate-fixtures-" + Environment.ProcessId);

        /// <summary>Compiles <paramref name="source"/> (plus optional extra references) into <c>&lt;name&gt;.dll</c> and returns its path; fails on any compile error.</summary>
        public static string Compile(string name, string source, params string[] extraReferences)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp9));
            var references = extraReferences.Select(r => (MetadataReference)MetadataReference.CreateFromFile(r)).Prepend(Mscorlib());
            var compilation = CSharpCompilation.Create(
                name,
                new[] { tree },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                    nullableContextOptions: NullableContextOptions.Disable, allowUnsafe: true));
            Directory.CreateDirectory(OutputDirectory);
            string path = Path.Combine(OutputDirectory, name + ".dll");
            using (var stream = File.Create(path))
            {
                var result = compilation.Emit(stream);
                var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (!result.Success)
                {
                    throw new InvalidOperationException($"fixture {name} does not compile against the nanoFramework mscorlib:\n" + string.Join("\n", errors));
                }
            }

            return path;
        }

        /// <summary>Scan options for fixtures: mscorlib resolvable, arrays of structs reported unless told otherwise.</summary>
        public static ScanOptions Options(bool reportArraysOfStructs = true, params string[] moreReferenceDirectories)
        {
            var options = new ScanOptions { ReportArraysOfStructs = reportArraysOfStructs };
            options.ReferenceDirectories.Add(DeviceAssemblies.EnsureMscorlibDirectory());
            foreach (string dir in moreReferenceDirectories)
            {
                options.ReferenceDirectories.Add(dir);
            }

            return options;
        }

        private static MetadataReference Mscorlib()
        {
            lock (s_gate)
            {
                return s_mscorlib ??= MetadataReference.CreateFromFile(Path.Combine(DeviceAssemblies.EnsureMscorlibDirectory(), "mscorlib.dll"));
            }
        }
    }
}
