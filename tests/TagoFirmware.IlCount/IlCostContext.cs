using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace TagoFirmware.IlCount
{
    /// <summary>
    /// A load context holding instrumented copies of assemblies: every method of the "core" assemblies and the
    /// <see cref="IlCountedAttribute"/>-marked code of the "harness" assemblies. Other assemblies whose name starts
    /// with "TagoFirmware." are loaded privately (uninstrumented) so that they bind to the instrumented core; the rest,
    /// this counter included, are shared with the default context.
    /// </summary>
    public sealed class IlCostContext : AssemblyLoadContext
    {
        private readonly Dictionary<string, byte[]> _rewritten = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        private readonly string _directory;

        /// <summary>Rewrites the given assemblies (paths) and prepares to load them.</summary>
        /// <param name="core">Assemblies instrumented whole.</param>
        /// <param name="harness">Assemblies of which only <see cref="IlCountedAttribute"/>-marked code is instrumented.</param>
        public IlCostContext(IEnumerable<string> core, IEnumerable<string> harness)
            : base("il-cost", isCollectible: false)
        {
            var all = core.Select(p => (Path: p, Whole: true)).Concat(harness.Select(p => (Path: p, Whole: false))).ToList();
            var names = new HashSet<string>(all.Select(a => Path.GetFileNameWithoutExtension(a.Path)), StringComparer.OrdinalIgnoreCase);
            _directory = Path.GetDirectoryName(Path.GetFullPath(all[0].Path));
            foreach ((string path, bool whole) in all)
            {
                _rewritten[Path.GetFileNameWithoutExtension(path)] = IlRewriter.Rewrite(File.ReadAllBytes(path),
                    whole ? m => true : IlRewriter.IsMarkedCounted, names, Path.GetDirectoryName(Path.GetFullPath(path)));
            }
        }

        /// <summary>The instrumented (or privately loaded) assembly of that simple name.</summary>
        public Assembly Get(string name) => LoadFromAssemblyName(new AssemblyName(name));

        /// <inheritdoc/>
        protected override Assembly Load(AssemblyName assemblyName)
        {
            if (_rewritten.TryGetValue(assemblyName.Name, out byte[] image))
            {
                return LoadFromStream(new MemoryStream(image));
            }

            string file = Path.Combine(_directory, assemblyName.Name + ".dll");
            return assemblyName.Name.StartsWith("TagoFirmware.", StringComparison.Ordinal) &&
                assemblyName.Name != typeof(IlCounters).Assembly.GetName().Name && File.Exists(file)
                ? LoadFromAssemblyPath(file)
                : null;
        }
    }
}
