using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace TagoFirmware.Gates.Tests.Metadata
{
    /// <summary>
    /// Tells whether a TypeDef or TypeRef token names a non-primitive value type (a struct or an enum), following
    /// TypeRefs into the referenced assemblies found in a set of directories (the nanoFramework mscorlib and the
    /// reference surface). IL operands such as <c>newarr</c> carry bare type tokens, without the VALUETYPE/CLASS
    /// marker that signatures have, so this is how the gate sees <c>new DateTime[4]</c>.
    /// </summary>
    public sealed class ValueTypeResolver : IDisposable
    {
        private readonly Dictionary<string, string> _assemblyPaths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, PEReader> _open = new Dictionary<string, PEReader>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Indexes every .dll and .exe under <paramref name="referenceDirectories"/> by assembly name (first one wins).</summary>
        public ValueTypeResolver(IEnumerable<string> referenceDirectories)
        {
            foreach (string dir in referenceDirectories)
            {
                if (!Directory.Exists(dir))
                {
                    continue;
                }

                foreach (string file in Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories))
                {
                    if (!file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".exe", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    string name = TryReadAssemblyName(file);
                    if (name != null && !_assemblyPaths.ContainsKey(name))
                    {
                        _assemblyPaths.Add(name, file);
                    }
                }
            }
        }

        /// <summary>
        /// True for a struct or enum, false for a class, interface, delegate or primitive, null when the type cannot
        /// be found (<paramref name="why"/> says why).
        /// </summary>
        public bool? IsNonPrimitiveValueType(MetadataReader reader, EntityHandle handle, out string why)
        {
            why = null;
            string name = MetadataNames.OfType(reader, handle);
            if (MetadataNames.IsPrimitiveName(name))
            {
                return false;
            }

            if (!TryResolve(reader, handle, out MetadataReader defReader, out TypeDefinitionHandle def, out why))
            {
                return null;
            }

            return IsValueTypeDefinition(defReader, def);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            foreach (var pe in _open.Values)
            {
                pe.Dispose();
            }

            _open.Clear();
        }

        private static bool IsValueTypeDefinition(MetadataReader reader, TypeDefinitionHandle handle)
        {
            string self = MetadataNames.Of(reader, handle);
            var baseType = reader.GetTypeDefinition(handle).BaseType;
            if (baseType.IsNil || self == "System.Enum" || self == "System.ValueType")
            {
                return false;
            }

            string baseName = MetadataNames.OfType(reader, baseType);
            return baseName == "System.ValueType" || baseName == "System.Enum";
        }

        private bool TryResolve(MetadataReader reader, EntityHandle handle, out MetadataReader defReader, out TypeDefinitionHandle def, out string why)
        {
            defReader = reader;
            def = default;
            why = null;
            if (handle.Kind == HandleKind.TypeDefinition)
            {
                def = (TypeDefinitionHandle)handle;
                return true;
            }

            if (handle.Kind != HandleKind.TypeReference)
            {
                why = "not a TypeDef or TypeRef";
                return false;
            }

            var typeRef = reader.GetTypeReference((TypeReferenceHandle)handle);
            string ns = reader.GetString(typeRef.Namespace);
            string name = reader.GetString(typeRef.Name);
            var scope = typeRef.ResolutionScope;
            switch (scope.Kind)
            {
                case HandleKind.TypeReference:
                    if (!TryResolve(reader, scope, out defReader, out var outer, out why))
                    {
                        return false;
                    }

                    foreach (var nested in defReader.GetTypeDefinition(outer).GetNestedTypes())
                    {
                        if (defReader.GetString(defReader.GetTypeDefinition(nested).Name) == name)
                        {
                            def = nested;
                            return true;
                        }
                    }

                    why = $"nested type {name} not found in {MetadataNames.Of(defReader, outer)}";
                    return false;

                case HandleKind.AssemblyReference:
                    string assembly = reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
                    defReader = Open(assembly);
                    if (defReader == null)
                    {
                        why = $"assembly {assembly} not found in the reference directories";
                        return false;
                    }

                    break;

                case HandleKind.ModuleDefinition:
                case HandleKind.ModuleReference:
                    defReader = reader;
                    break;

                default:
                    why = "unsupported resolution scope " + scope.Kind;
                    return false;
            }

            foreach (var candidate in defReader.TypeDefinitions)
            {
                var type = defReader.GetTypeDefinition(candidate);
                if (type.GetDeclaringType().IsNil && defReader.GetString(type.Name) == name && defReader.GetString(type.Namespace) == ns)
                {
                    def = candidate;
                    return true;
                }
            }

            why = $"type {(ns.Length == 0 ? name : ns + "." + name)} not defined in its assembly";
            return false;
        }

        private MetadataReader Open(string assembly)
        {
            if (!_open.TryGetValue(assembly, out var pe))
            {
                if (!_assemblyPaths.TryGetValue(assembly, out string path))
                {
                    return null;
                }

                pe = new PEReader(File.OpenRead(path));
                _open.Add(assembly, pe);
            }

            return pe.GetMetadataReader();
        }

        private static string TryReadAssemblyName(string file)
        {
            try
            {
                using var pe = new PEReader(File.OpenRead(file));
                if (!pe.HasMetadata)
                {
                    return null;
                }

                var reader = pe.GetMetadataReader();
                return reader.IsAssembly ? reader.GetString(reader.GetAssemblyDefinition().Name) : null;
            }
            catch (BadImageFormatException)
            {
                return null;
            }
        }
    }
}
