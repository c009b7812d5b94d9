using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;

namespace TagoFirmware.Gates.Tests.Metadata
{
    /// <summary>
    /// Decodes signatures (ECMA-335 II.23.2) into <see cref="SigType"/>s, recording every generic instantiation,
    /// generic parameter, array shape and array of non-primitive value types found at any depth.
    /// </summary>
    public sealed class ShapeProvider : ISignatureTypeProvider<SigType, object>
    {
        /// <summary>The one instance; the provider holds no state.</summary>
        public static readonly ShapeProvider Instance = new ShapeProvider();

        /// <inheritdoc />
        public SigType GetPrimitiveType(PrimitiveTypeCode typeCode)
        {
            switch (typeCode)
            {
                case PrimitiveTypeCode.String:
                case PrimitiveTypeCode.Object:
                case PrimitiveTypeCode.Void:
                    return new SigType(typeCode.ToString().ToLowerInvariant(), false, false);
                case PrimitiveTypeCode.TypedReference:
                    return new SigType("typedref", true, false);
                default:
                    return new SigType(typeCode.ToString(), true, true);
            }
        }

        /// <inheritdoc />
        public SigType GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
            => Named(MetadataNames.Of(reader, handle), rawTypeKind);

        /// <inheritdoc />
        public SigType GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
            => Named(MetadataNames.Of(reader, handle), rawTypeKind);

        /// <inheritdoc />
        public SigType GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
            => reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        /// <inheritdoc />
        public SigType GetSZArrayType(SigType elementType)
        {
            string name = elementType.Name + "[]";
            if (elementType.IsValueType && !elementType.IsPrimitive)
            {
                return new SigType(name, false, false, SigType.Merge(new[] { elementType }, (ViolationKind.ArrayOfStructs, name)));
            }

            return new SigType(name, false, false, elementType.Problems);
        }

        /// <inheritdoc />
        public SigType GetArrayType(SigType elementType, ArrayShape shape)
        {
            string name = elementType.Name + "[" + new string(',', shape.Rank - 1) + "]";
            return new SigType(name, false, false, SigType.Merge(new[] { elementType }, (ViolationKind.MultidimensionalArray, name)));
        }

        /// <inheritdoc />
        public SigType GetGenericInstantiation(SigType genericType, ImmutableArray<SigType> typeArguments)
        {
            string name = genericType.Name + "<" + string.Join(",", typeArguments.Select(t => t.Name)) + ">";
            return new SigType(name, genericType.IsValueType, false,
                SigType.Merge(new[] { genericType }.Concat(typeArguments), (ViolationKind.GenericInstantiation, name)));
        }

        /// <inheritdoc />
        public SigType GetGenericMethodParameter(object genericContext, int index)
            => new SigType("!!" + index, false, false, new[] { (ViolationKind.GenericParameter, "method type parameter !!" + index) });

        /// <inheritdoc />
        public SigType GetGenericTypeParameter(object genericContext, int index)
            => new SigType("!" + index, false, false, new[] { (ViolationKind.GenericParameter, "type parameter !" + index) });

        /// <inheritdoc />
        public SigType GetByReferenceType(SigType elementType)
            => new SigType(elementType.Name + "&", false, false, elementType.Problems);

        /// <inheritdoc />
        public SigType GetPointerType(SigType elementType)
            => new SigType(elementType.Name + "*", false, false, elementType.Problems);

        /// <inheritdoc />
        public SigType GetPinnedType(SigType elementType)
            => new SigType(elementType.Name + " pinned", elementType.IsValueType, elementType.IsPrimitive, elementType.Problems);

        /// <inheritdoc />
        public SigType GetModifiedType(SigType modifier, SigType unmodifiedType, bool isRequired)
            => new SigType(unmodifiedType.Name, unmodifiedType.IsValueType, unmodifiedType.IsPrimitive,
                SigType.Merge(new[] { unmodifiedType, modifier }));

        /// <inheritdoc />
        public SigType GetFunctionPointerType(MethodSignature<SigType> signature)
            => new SigType("method " + Describe(signature), false, false, ProblemsOf(signature));

        /// <summary>All problems in a method signature's return and parameter types.</summary>
        public static System.Collections.Generic.IReadOnlyList<(ViolationKind Kind, string Detail)> ProblemsOf(MethodSignature<SigType> signature)
            => SigType.Merge(new[] { signature.ReturnType }.Concat(signature.ParameterTypes));

        /// <summary>A method signature as <c>(int32,string) : void</c>.</summary>
        public static string Describe(MethodSignature<SigType> signature)
            => "(" + string.Join(",", signature.ParameterTypes.Select(p => p.Name)) + ") : " + signature.ReturnType.Name;

        private static SigType Named(string fullName, byte rawTypeKind)
        {
            bool primitive = MetadataNames.IsPrimitiveName(fullName);
            bool valueType = rawTypeKind == (byte)SignatureTypeKind.ValueType;
            return new SigType(fullName, valueType || primitive, primitive);
        }
    }
}
