using System.Collections.Generic;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace TagoFirmware.Gates.Tests.Metadata
{
    /// <summary>Readable names for metadata entities, used in findings.</summary>
    public static class MetadataNames
    {
        private static readonly HashSet<string> s_primitiveNames = new HashSet<string>
        {
            "System.Boolean", "System.Char", "System.SByte", "System.Byte", "System.Int16", "System.UInt16",
            "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Single", "System.Double",
            "System.IntPtr", "System.UIntPtr",
        };

        /// <summary>True when <paramref name="fullName"/> names a primitive whose arrays nanoCLR stores unboxed.</summary>
        public static bool IsPrimitiveName(string fullName) => s_primitiveNames.Contains(fullName);

        /// <summary>Full name of a type definition; nested types as <c>Outer/Inner</c>.</summary>
        public static string Of(MetadataReader reader, TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            string name = reader.GetString(type.Name);
            var declaring = type.GetDeclaringType();
            if (!declaring.IsNil)
            {
                return Of(reader, declaring) + "/" + name;
            }

            string ns = reader.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        /// <summary>Full name of a type reference; nested types as <c>Outer/Inner</c>.</summary>
        public static string Of(MetadataReader reader, TypeReferenceHandle handle)
        {
            var type = reader.GetTypeReference(handle);
            string name = reader.GetString(type.Name);
            if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                return Of(reader, (TypeReferenceHandle)type.ResolutionScope) + "/" + name;
            }

            string ns = reader.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        /// <summary>Full name of a TypeDef or TypeRef handle, or a token description for anything else.</summary>
        public static string OfType(MetadataReader reader, EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    return Of(reader, (TypeDefinitionHandle)handle);
                case HandleKind.TypeReference:
                    return Of(reader, (TypeReferenceHandle)handle);
                default:
                    return Token(handle);
            }
        }

        /// <summary>A metadata token as <c>0x1B000003</c>, for rows without a better name.</summary>
        public static string Token(EntityHandle handle) => "0x" + MetadataTokens.GetToken(handle).ToString("X8");
    }
}
