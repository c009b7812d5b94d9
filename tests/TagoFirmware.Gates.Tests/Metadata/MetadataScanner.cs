using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.RegularExpressions;

namespace TagoFirmware.Gates.Tests.Metadata
{
    /// <summary>
    /// Gate 2c: scans a compiled assembly's metadata and IL for what stable nanoFramework firmware cannot run.
    /// Every use site is checked where it is (type headers, field/method/property/event signatures, local
    /// signatures, every token operand of every method body, custom attributes), so a finding names the exact
    /// type, member and IL offset; afterwards every TypeSpec, MemberRef, MethodSpec and StandAloneSig row that no
    /// use site reached is decoded too, so nothing in the tables goes unchecked.
    /// </summary>
    public sealed class MetadataScanner
    {
        // A serialized type name of a generic instantiation in a custom attribute blob, e.g. "System.Action`1[[System.Int32, ...]]".
        private static readonly Regex s_serializedGenericName = new Regex(@"`\d+\[", RegexOptions.CultureInvariant);

        // The same for an open generic type: "System.Action`1, mscorlib, ..." (typeof(Action<>)).
        private static readonly Regex s_serializedOpenGenericName = new Regex(@"`\d+(?!\d|\[)", RegexOptions.CultureInvariant);

        // Generic type definitions are named with their arity (ECMA-335 II.10.7.2): Action`1.
        private static readonly Regex s_arity = new Regex(@"`\d+$", RegexOptions.CultureInvariant);

        private readonly PEReader _pe;
        private readonly MetadataReader _reader;
        private readonly ScanOptions _options;
        private readonly ValueTypeResolver _resolver;
        private readonly List<Finding> _findings = new List<Finding>();
        private readonly HashSet<EntityHandle> _visited = new HashSet<EntityHandle>();
        private readonly ScanStatistics _statistics = new ScanStatistics();

        private MetadataScanner(PEReader pe, ScanOptions options, ValueTypeResolver resolver)
        {
            _pe = pe;
            _reader = pe.GetMetadataReader();
            _options = options;
            _resolver = resolver;
        }

        /// <summary>Scans one assembly file and returns every finding, in metadata order, without duplicates.</summary>
        public static IReadOnlyList<Finding> Scan(string assemblyPath, ScanOptions options) => Scan(assemblyPath, options, out _);

        /// <summary>Scans one assembly file; <paramref name="statistics"/> says how much was looked at.</summary>
        public static IReadOnlyList<Finding> Scan(string assemblyPath, ScanOptions options, out ScanStatistics statistics)
        {
            using var pe = new PEReader(File.OpenRead(assemblyPath));
            using var resolver = new ValueTypeResolver(options.ReferenceDirectories);
            var scanner = new MetadataScanner(pe, options, resolver);
            scanner.Run();
            statistics = scanner._statistics;
            return scanner._findings.Distinct().ToList();
        }

        private void Run()
        {
            foreach (var typeHandle in _reader.TypeDefinitions)
            {
                ScanType(typeHandle);
            }

            foreach (var attributeHandle in _reader.CustomAttributes)
            {
                ScanAttribute(attributeHandle);
            }

            if (_options.ReportAttributeNullsAndArrays && _reader.GetHeapSize(HeapIndex.UserString) > 1)
            {
                for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = _reader.GetNextHandle(handle))
                {
                    CheckDeviceString(_reader.GetUserString(handle), "string literal at #US offset " + MetadataTokens.GetHeapOffset(handle));
                }
            }

            SweepTables();
        }

        private void CheckDeviceString(string text, string location)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (c == '\0' || char.IsSurrogate(c))
                {
                    string shown = text.Length > 40 ? text.Substring(0, 40) + "..." : text;
                    var escaped = new StringBuilder();
                    foreach (char e in shown)
                    {
                        escaped.Append(e < ' ' || char.IsSurrogate(e) ? "\\u" + ((int)e).ToString("X4") : e.ToString());
                    }

                    Add(ViolationKind.StringTheDeviceCannotHold, location,
                        $"\"{escaped}\" holds {(c == '\0' ? "U+0000" : "a lone surrogate")} at index {i}: build such input from bytes at run time");
                    return;
                }
            }
        }

        private void ScanType(TypeDefinitionHandle handle)
        {
            var type = _reader.GetTypeDefinition(handle);
            string typeName = MetadataNames.Of(_reader, handle);
            _statistics.Types++;
            if (type.GetGenericParameters().Count > 0)
            {
                Add(ViolationKind.GenericTypeDefinition, "type " + typeName,
                    $"{typeName} has {type.GetGenericParameters().Count} generic parameter(s)");
            }

            if (!type.BaseType.IsNil)
            {
                CheckToken(type.BaseType, typeName + " base type");
            }

            foreach (var implHandle in type.GetInterfaceImplementations())
            {
                CheckToken(_reader.GetInterfaceImplementation(implHandle).Interface, typeName + " implements");
            }

            foreach (var fieldHandle in type.GetFields())
            {
                var field = _reader.GetFieldDefinition(fieldHandle);
                var fieldType = field.DecodeSignature(ShapeProvider.Instance, null);
                Report(fieldType.Problems, $"field {typeName}::{_reader.GetString(field.Name)}");
            }

            foreach (var methodHandle in type.GetMethods())
            {
                ScanMethod(typeName, methodHandle);
            }

            foreach (var propertyHandle in type.GetProperties())
            {
                var property = _reader.GetPropertyDefinition(propertyHandle);
                var signature = property.DecodeSignature(ShapeProvider.Instance, null);
                Report(ShapeProvider.ProblemsOf(signature), $"property {typeName}::{_reader.GetString(property.Name)}");
            }

            foreach (var eventHandle in type.GetEvents())
            {
                var ev = _reader.GetEventDefinition(eventHandle);
                CheckToken(ev.Type, $"event {typeName}::{_reader.GetString(ev.Name)}");
            }

            foreach (var implHandle in type.GetMethodImplementations())
            {
                var impl = _reader.GetMethodImplementation(implHandle);
                CheckToken(impl.MethodDeclaration, typeName + " explicit interface implementation");
            }
        }

        private void ScanMethod(string typeName, MethodDefinitionHandle handle)
        {
            var method = _reader.GetMethodDefinition(handle);
            var signature = method.DecodeSignature(ShapeProvider.Instance, null);
            _statistics.Methods++;
            string name = $"{typeName}::{_reader.GetString(method.Name)}({string.Join(",", signature.ParameterTypes.Select(p => p.Name))})";
            if (method.GetGenericParameters().Count > 0)
            {
                Add(ViolationKind.GenericMethodDefinition, "method " + name,
                    $"{name} has {method.GetGenericParameters().Count} generic parameter(s)");
            }

            Report(ShapeProvider.ProblemsOf(signature), $"method {name} signature");
            if (method.RelativeVirtualAddress == 0)
            {
                return;
            }

            var body = _pe.GetMethodBody(method.RelativeVirtualAddress);
            _statistics.MethodBodies++;
            if (!body.LocalSignature.IsNil)
            {
                _visited.Add(body.LocalSignature);
                var locals = _reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(ShapeProvider.Instance, null);
                for (int i = 0; i < locals.Length; i++)
                {
                    Report(locals[i].Problems, $"method {name} local V_{i} ({locals[i].Name})");
                }
            }

            ScanIl(name, body.GetILReader());
        }

        private void ScanIl(string methodName, BlobReader il)
        {
            while (il.RemainingBytes > 0)
            {
                int offset = il.Offset;
                byte first = il.ReadByte();
                OpCode? maybe = first == 0xFE ? IlOpCodes.TwoByte(il.ReadByte()) : IlOpCodes.OneByte(first);
                if (maybe == null)
                {
                    Add(ViolationKind.UnresolvedType, $"method {methodName} IL_{offset:x4}", $"undefined opcode byte 0x{first:X2}: the IL could not be decoded");
                    return;
                }

                var op = maybe.Value;
                _statistics.Instructions++;
                string location = $"method {methodName} IL_{offset:x4} {op.Name}";
                switch (op.OperandType)
                {
                    case OperandType.InlineNone:
                        break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar:
                        il.Offset += 1;
                        break;
                    case OperandType.InlineVar:
                        il.Offset += 2;
                        break;
                    case OperandType.InlineI:
                    case OperandType.InlineBrTarget:
                    case OperandType.ShortInlineR:
                    case OperandType.InlineString:
                        il.Offset += 4;
                        break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR:
                        il.Offset += 8;
                        break;
                    case OperandType.InlineSwitch:
                        int count = il.ReadInt32();
                        il.Offset += 4 * count;
                        break;
                    case OperandType.InlineField:
                    case OperandType.InlineMethod:
                    case OperandType.InlineSig:
                    case OperandType.InlineTok:
                    case OperandType.InlineType:
                        var token = MetadataTokens.EntityHandle(il.ReadInt32());
                        _statistics.TokenOperands++;
                        CheckToken(token, location);
                        if (IsArrayElementOpcode(op))
                        {
                            CheckArrayElementToken(token, location);
                        }

                        if (_options.ReportFloatingPointText)
                        {
                            CheckFloatingPointText(op, token, location);
                        }

                        break;
                    default:
                        Add(ViolationKind.UnresolvedType, location, "unknown operand type " + op.OperandType);
                        return;
                }
            }
        }

        private void CheckFloatingPointText(OpCode op, EntityHandle token, string location)
        {
            // double.ToString (any overload) and boxing a double or float (string concatenation, string.Format).
            if ((op == OpCodes.Call || op == OpCodes.Callvirt) && token.Kind == HandleKind.MemberReference)
            {
                var member = _reader.GetMemberReference((MemberReferenceHandle)token);
                if (member.Parent.Kind == HandleKind.TypeReference && _reader.GetString(member.Name) == "ToString")
                {
                    string parent = MetadataNames.Of(_reader, (TypeReferenceHandle)member.Parent);
                    if (parent == "System.Double" || parent == "System.Single")
                    {
                        Add(ViolationKind.FloatingPointText, location, parent + "::ToString: imprecise on the nanoCLR (21.5 gives 21.499999999999999)");
                    }
                }
            }
            else if (op == OpCodes.Box && token.Kind == HandleKind.TypeReference)
            {
                string type = MetadataNames.Of(_reader, (TypeReferenceHandle)token);
                if (type == "System.Double" || type == "System.Single")
                {
                    Add(ViolationKind.FloatingPointText, location, "boxes a " + type + " (string concatenation or formatting would call its imprecise ToString)");
                }
            }
        }

        private static bool IsArrayElementOpcode(OpCode op)
            => op == OpCodes.Newarr || op == OpCodes.Ldelema || op == OpCodes.Ldelem || op == OpCodes.Stelem;

        private void CheckArrayElementToken(EntityHandle token, string location)
        {
            if (!_options.ReportArraysOfStructs || (token.Kind != HandleKind.TypeDefinition && token.Kind != HandleKind.TypeReference))
            {
                return;
            }

            string name = MetadataNames.OfType(_reader, token);
            bool? isStruct = _resolver.IsNonPrimitiveValueType(_reader, token, out string why);
            if (isStruct == true)
            {
                Add(ViolationKind.ArrayOfStructs, location, name + "[]");
            }
            else if (isStruct == null)
            {
                Add(ViolationKind.UnresolvedType, location, $"cannot tell whether {name}[] is an array of structs: {why}");
            }
        }

        private void CheckToken(EntityHandle handle, string location)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeSpecification:
                    _visited.Add(handle);
                    Report(DecodeTypeSpec((TypeSpecificationHandle)handle).Problems, location);
                    break;

                case HandleKind.MemberReference:
                    _visited.Add(handle);
                    Report(MemberReferenceProblems((MemberReferenceHandle)handle, out _), location);
                    break;

                case HandleKind.MethodSpecification:
                    _visited.Add(handle);
                    Report(MethodSpecProblems((MethodSpecificationHandle)handle), location);
                    break;

                case HandleKind.StandaloneSignature:
                    _visited.Add(handle);
                    Report(StandaloneSignatureProblems((StandaloneSignatureHandle)handle), location);
                    break;

                case HandleKind.TypeReference:
                    // A bare TypeRef to a generic type (ldtoken of typeof(Action<>)); instantiations go through TypeSpecs.
                    string name = MetadataNames.Of(_reader, (TypeReferenceHandle)handle);
                    if (s_arity.IsMatch(name))
                    {
                        Add(ViolationKind.OpenGenericType, location, name);
                    }

                    break;
            }
        }

        private SigType DecodeTypeSpec(TypeSpecificationHandle handle)
            => _reader.GetTypeSpecification(handle).DecodeSignature(ShapeProvider.Instance, null);

        private List<(ViolationKind, string)> MemberReferenceProblems(MemberReferenceHandle handle, out string name)
        {
            var member = _reader.GetMemberReference(handle);
            var problems = new List<(ViolationKind, string)>();
            string parentName;
            if (member.Parent.Kind == HandleKind.TypeSpecification)
            {
                _visited.Add(member.Parent);
                var parent = DecodeTypeSpec((TypeSpecificationHandle)member.Parent);
                problems.AddRange(parent.Problems);
                parentName = parent.Name;
            }
            else
            {
                parentName = MetadataNames.OfType(_reader, member.Parent);
            }

            name = parentName + "::" + _reader.GetString(member.Name);
            if (member.GetKind() == MemberReferenceKind.Method)
            {
                var signature = member.DecodeMethodSignature(ShapeProvider.Instance, null);
                name += "(" + string.Join(",", signature.ParameterTypes.Select(p => p.Name)) + ")";
                problems.AddRange(ShapeProvider.ProblemsOf(signature));
            }
            else
            {
                problems.AddRange(member.DecodeFieldSignature(ShapeProvider.Instance, null).Problems);
            }

            return problems;
        }

        private List<(ViolationKind, string)> MethodSpecProblems(MethodSpecificationHandle handle)
        {
            var spec = _reader.GetMethodSpecification(handle);
            var arguments = spec.DecodeSignature(ShapeProvider.Instance, null);
            var problems = new List<(ViolationKind, string)>();
            string methodName;
            if (spec.Method.Kind == HandleKind.MemberReference)
            {
                _visited.Add(spec.Method);
                problems.AddRange(MemberReferenceProblems((MemberReferenceHandle)spec.Method, out methodName));
            }
            else
            {
                var def = _reader.GetMethodDefinition((MethodDefinitionHandle)spec.Method);
                methodName = MetadataNames.Of(_reader, def.GetDeclaringType()) + "::" + _reader.GetString(def.Name);
            }

            problems.Add((ViolationKind.GenericMethodInstantiation, methodName + "<" + string.Join(",", arguments.Select(a => a.Name)) + ">"));
            foreach (var argument in arguments)
            {
                problems.AddRange(argument.Problems);
            }

            return problems;
        }

        private IReadOnlyList<(ViolationKind, string)> StandaloneSignatureProblems(StandaloneSignatureHandle handle)
        {
            var signature = _reader.GetStandaloneSignature(handle);
            if (signature.GetKind() == StandaloneSignatureKind.LocalVariables)
            {
                return SigType.Merge(signature.DecodeLocalSignature(ShapeProvider.Instance, null));
            }

            return ShapeProvider.ProblemsOf(signature.DecodeMethodSignature(ShapeProvider.Instance, null));
        }

        private void ScanAttribute(CustomAttributeHandle handle)
        {
            var attribute = _reader.GetCustomAttribute(handle);
            _statistics.Attributes++;
            string location = "attribute on " + DescribeAttributeParent(attribute.Parent);
            CheckToken(attribute.Constructor, location);
            byte[] blob = _reader.GetBlobBytes(attribute.Value);
            string text = Encoding.Latin1.GetString(blob);
            foreach (Match match in s_serializedGenericName.Matches(text))
            {
                int start = text.LastIndexOfAny(new[] { '\0', '\u0001', ' ' }, match.Index) + 1;
                Add(ViolationKind.GenericTypeInAttribute, location, "type argument " + text.Substring(start, match.Index + match.Length - start) + "...");
            }

            foreach (Match match in s_serializedOpenGenericName.Matches(text))
            {
                int start = text.LastIndexOfAny(new[] { '\0', '\u0001', ' ' }, match.Index) + 1;
                Add(ViolationKind.GenericTypeInAttribute, location, "open generic type argument " + text.Substring(start, match.Index + match.Length - start));
            }

            if (_options.ReportAttributeNullsAndArrays)
            {
                foreach (var (kind, detail) in AttributeArguments.Problems(_reader, attribute))
                {
                    Add(kind, location, AttributeName(attribute) + " " + detail);
                }

                foreach (string argument in AttributeArguments.Strings(_reader, attribute))
                {
                    CheckDeviceString(argument, location + " " + AttributeName(attribute) + " argument");
                }
            }
        }

        private string AttributeName(CustomAttribute attribute)
        {
            EntityHandle type = attribute.Constructor.Kind == HandleKind.MemberReference
                ? _reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent
                : _reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType();
            string name = type.Kind == HandleKind.TypeReference
                ? _reader.GetString(_reader.GetTypeReference((TypeReferenceHandle)type).Name)
                : type.Kind == HandleKind.TypeDefinition ? _reader.GetString(_reader.GetTypeDefinition((TypeDefinitionHandle)type).Name) : "attribute";
            return "[" + (name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name) + "]";
        }

        private string DescribeAttributeParent(EntityHandle parent)
        {
            switch (parent.Kind)
            {
                case HandleKind.TypeDefinition:
                    return "type " + MetadataNames.Of(_reader, (TypeDefinitionHandle)parent);
                case HandleKind.MethodDefinition:
                    var method = _reader.GetMethodDefinition((MethodDefinitionHandle)parent);
                    return "method " + MetadataNames.Of(_reader, method.GetDeclaringType()) + "::" + _reader.GetString(method.Name);
                case HandleKind.FieldDefinition:
                    var field = _reader.GetFieldDefinition((FieldDefinitionHandle)parent);
                    return "field " + MetadataNames.Of(_reader, field.GetDeclaringType()) + "::" + _reader.GetString(field.Name);
                case HandleKind.PropertyDefinition:
                    return "property " + _reader.GetString(_reader.GetPropertyDefinition((PropertyDefinitionHandle)parent).Name);
                case HandleKind.EventDefinition:
                    return "event " + _reader.GetString(_reader.GetEventDefinition((EventDefinitionHandle)parent).Name);
                case HandleKind.Parameter:
                    return "parameter " + _reader.GetString(_reader.GetParameter((ParameterHandle)parent).Name);
                case HandleKind.AssemblyDefinition:
                    return "the assembly";
                case HandleKind.ModuleDefinition:
                    return "the module";
                default:
                    return parent.Kind + " " + MetadataNames.Token(parent);
            }
        }

        private void SweepTables()
        {
            // Generic parameters belong to a type or method definition, which ScanType/ScanMethod report; a row
            // they did not account for (an owner of another kind) is reported here.
            for (int row = 1; row <= _reader.GetTableRowCount(TableIndex.GenericParam); row++)
            {
                var parameter = _reader.GetGenericParameter(MetadataTokens.GenericParameterHandle(row));
                bool ownerReported = parameter.Parent.Kind == HandleKind.TypeDefinition || parameter.Parent.Kind == HandleKind.MethodDefinition;
                if (!ownerReported)
                {
                    Add(ViolationKind.GenericParameter, "GenericParam row " + row, "generic parameter " + _reader.GetString(parameter.Name) + " of " + parameter.Parent.Kind);
                }
            }

            for (int row = 1; row <= _reader.GetTableRowCount(TableIndex.TypeSpec); row++)
            {
                var handle = MetadataTokens.TypeSpecificationHandle(row);
                if (!_visited.Contains(handle))
                {
                    Report(DecodeTypeSpec(handle).Problems, "TypeSpec " + MetadataNames.Token(handle) + " (not reached from any scanned member)");
                }
            }

            foreach (var handle in _reader.MemberReferences)
            {
                if (!_visited.Contains(handle))
                {
                    Report(MemberReferenceProblems(handle, out string name), "MemberRef " + MetadataNames.Token(handle) + " " + name + " (not reached from any scanned member)");
                }
            }

            for (int row = 1; row <= _reader.GetTableRowCount(TableIndex.MethodSpec); row++)
            {
                var handle = MetadataTokens.MethodSpecificationHandle(row);
                if (!_visited.Contains(handle))
                {
                    Report(MethodSpecProblems(handle), "MethodSpec " + MetadataNames.Token(handle) + " (not reached from any scanned member)");
                }
            }

            for (int row = 1; row <= _reader.GetTableRowCount(TableIndex.StandAloneSig); row++)
            {
                var handle = MetadataTokens.StandaloneSignatureHandle(row);
                if (!_visited.Contains(handle))
                {
                    Report(StandaloneSignatureProblems(handle), "StandAloneSig " + MetadataNames.Token(handle) + " (not reached from any scanned member)");
                }
            }
        }

        private void Report(IEnumerable<(ViolationKind Kind, string Detail)> problems, string location)
        {
            var list = problems.ToList();
            // A generic parameter (!0, !!0) only occurs inside a generic definition or a member of a generic
            // instantiation; when that is reported at the same place, the parameter adds nothing.
            bool genericReported = list.Any(p => p.Kind == ViolationKind.GenericInstantiation || p.Kind == ViolationKind.GenericMethodInstantiation)
                || _findings.Any(f => (f.Kind == ViolationKind.GenericMethodDefinition || f.Kind == ViolationKind.GenericTypeDefinition)
                    && location.Contains(f.Location.Substring(f.Location.IndexOf(' ') + 1)));
            foreach (var (kind, detail) in list)
            {
                if (kind == ViolationKind.GenericParameter && genericReported)
                {
                    continue;
                }

                Add(kind, location, detail);
            }
        }

        private void Add(ViolationKind kind, string location, string detail)
        {
            if (kind == ViolationKind.ArrayOfStructs && !_options.ReportArraysOfStructs)
            {
                return;
            }

            _findings.Add(new Finding(kind, location, detail));
        }
    }
}
