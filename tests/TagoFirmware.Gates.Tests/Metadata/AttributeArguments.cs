using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace TagoFirmware.Gates.Tests.Metadata
{
    /// <summary>
    /// Finds the custom-attribute arguments a nanoFramework device cannot take: a <c>null</c> argument (the
    /// MetadataProcessor, which turns an assembly into the .pe the device loads, crashes on it; e.g.
    /// <c>[DataRow(1, null)]</c>) and an array argument (the nanoCLR cannot read it: <c>GetCustomAttributes</c> throws
    /// and the test launcher silently stops reporting; e.g. <c>[DataRow(new byte[] { 1 }, 2)]</c>). The one array the
    /// device does read is the <c>params object[]</c> that carries <c>DataRow</c>'s values: an <c>object[]</c> fixed
    /// argument is allowed, its elements are not arrays and not null.
    /// </summary>
    public static class AttributeArguments
    {
        /// <summary>Describes each null or array argument of the attribute, e.g. "argument 3 (element 2 of object[]) is null".</summary>
        public static IReadOnlyList<(ViolationKind Kind, string Detail)> Problems(MetadataReader reader, CustomAttribute attribute)
        {
            var problems = new List<(ViolationKind, string)>();
            CustomAttributeValue<string> value;
            try
            {
                value = attribute.DecodeValue(new NameProvider(reader));
            }
            catch (Exception e) when (e is BadImageFormatException || e is InvalidOperationException || e is ArgumentException)
            {
                problems.Add((ViolationKind.UndecodableAttribute, "its arguments cannot be decoded (" + e.Message + ")"));
                return problems;
            }

            for (int i = 0; i < value.FixedArguments.Length; i++)
            {
                var argument = value.FixedArguments[i];
                string where = "argument " + (i + 1);
                if (argument.Type == "System.Object[]" && argument.Value is ImmutableArray<CustomAttributeTypedArgument<string>> elements)
                {
                    for (int j = 0; j < elements.Length; j++)
                    {
                        Check(elements[j], $"{where} (value {j + 1} of object[])", problems);
                    }
                }
                else
                {
                    Check(argument, where, problems);
                }
            }

            foreach (var named in value.NamedArguments)
            {
                Check(new CustomAttributeTypedArgument<string>(named.Type, named.Value), "named argument " + named.Name, problems);
            }

            return problems;
        }

        /// <summary>Every string value among the attribute's arguments (they land in the .pe string table); none if it cannot be decoded.</summary>
        public static IEnumerable<string> Strings(MetadataReader reader, CustomAttribute attribute)
        {
            CustomAttributeValue<string> value;
            try
            {
                value = attribute.DecodeValue(new NameProvider(reader));
            }
            catch (Exception e) when (e is BadImageFormatException || e is InvalidOperationException || e is ArgumentException)
            {
                yield break;
            }

            var pending = new Stack<CustomAttributeTypedArgument<string>>(value.FixedArguments);
            foreach (var named in value.NamedArguments)
            {
                pending.Push(new CustomAttributeTypedArgument<string>(named.Type, named.Value));
            }

            while (pending.Count > 0)
            {
                var argument = pending.Pop();
                if (argument.Value is string text)
                {
                    yield return text;
                }
                else if (argument.Value is ImmutableArray<CustomAttributeTypedArgument<string>> elements)
                {
                    foreach (var element in elements)
                    {
                        pending.Push(element);
                    }
                }
            }
        }

        private static void Check(CustomAttributeTypedArgument<string> argument, string where, List<(ViolationKind, string)> problems)
        {
            if (argument.Value == null)
            {
                problems.Add((ViolationKind.NullAttributeArgument, $"{where} is null"));
            }
            else if (argument.Value is ImmutableArray<CustomAttributeTypedArgument<string>> array)
            {
                problems.Add((ViolationKind.ArrayAttributeArgument, $"{where} is an array ({argument.Type}, {array.Length} elements)"));
            }
        }

        /// <summary>Names types as strings; enough to decode argument values and tell arrays and nulls apart.</summary>
        private sealed class NameProvider : ICustomAttributeTypeProvider<string>
        {
            private readonly MetadataReader _reader;

            public NameProvider(MetadataReader reader) => _reader = reader;

            public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;

            public string GetSystemType() => "System.Type";

            public string GetSZArrayType(string elementType) => elementType + "[]";

            public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => MetadataNames.Of(reader, handle);

            public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
            {
                var type = reader.GetTypeReference(handle);
                string ns = reader.GetString(type.Namespace);
                return (ns.Length == 0 ? "" : ns + ".") + reader.GetString(type.Name);
            }

            public string GetTypeFromSerializedName(string name) => name.Split(',')[0].Trim();

            public bool IsSystemType(string type) => type == "System.Type";

            public PrimitiveTypeCode GetUnderlyingEnumType(string type)
            {
                // An enum of this assembly: the type of its value__ field. One defined elsewhere is read as int, the
                // C# default; a wrong guess only garbles that blob, which DecodeValue then reports.
                foreach (var handle in _reader.TypeDefinitions)
                {
                    if (MetadataNames.Of(_reader, handle) != type)
                    {
                        continue;
                    }

                    foreach (var fieldHandle in _reader.GetTypeDefinition(handle).GetFields())
                    {
                        var field = _reader.GetFieldDefinition(fieldHandle);
                        if ((field.Attributes & System.Reflection.FieldAttributes.Static) == 0)
                        {
                            var blob = _reader.GetBlobReader(field.Signature);
                            blob.ReadSignatureHeader();
                            return (PrimitiveTypeCode)blob.ReadByte();
                        }
                    }
                }

                return PrimitiveTypeCode.Int32;
            }
        }
    }
}
