using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;

namespace TagoFirmware.Gates.Tests.Metadata
{
    /// <summary>
    /// What a compiled device assembly costs the nanoFramework per-assembly tables, read with System.Reflection.Metadata.
    /// The MetadataProcessor turns the assembly into a .pe whose byte-code table and string table must each stay under
    /// 64 KB (their offsets are 16-bit). Method bodies are above the byte-code table (the MetadataProcessor shortens
    /// tokens and headers), so they bound it. The string
    /// table holds every user string, every string argument of an attribute and every type, namespace and member name,
    /// UTF-8 and NUL-terminated, each once;
    /// <see cref="PeStringTableEstimate"/> adds those up. The user-string heap (#US) is the ECMA-335 heap of string
    /// literals: UTF-16 with a length prefix and a flag byte, so about twice the UTF-8 text for ASCII.
    /// </summary>
    public sealed class AssemblySize
    {
        /// <summary>The assembly's simple name.</summary>
        public string Name { get; private set; }

        /// <summary>Bytes of every method body: IL code with its header and exception clauses, as stored in the assembly.</summary>
        public int MethodBodyIlBytes { get; private set; }

        /// <summary>Bytes of the #US heap (string literals), as the ECMA-335 metadata stores it.</summary>
        public int UserStringHeapBytes { get; private set; }

        /// <summary>Type definitions, without the &lt;Module&gt; pseudo-type.</summary>
        public int Types { get; private set; }

        /// <summary>Method definitions.</summary>
        public int Methods { get; private set; }

        /// <summary>
        /// Test cases the nanoFramework launcher runs: one per <c>[DataRow]</c> of a <c>[TestMethod]</c>, else one per
        /// test method. A run on nanoCLR or a device that reports fewer stopped early (the launcher says nothing).
        /// </summary>
        public int TestCases { get; private set; }

        /// <summary>Distinct user strings plus type, namespace and member names, UTF-8 with a NUL each: the .pe string table, estimated.</summary>
        public int PeStringTableEstimate { get; private set; }

        /// <summary>Measures one assembly file.</summary>
        public static AssemblySize Measure(string assemblyPath)
        {
            using var pe = new PEReader(File.OpenRead(assemblyPath));
            var reader = pe.GetMetadataReader();
            var size = new AssemblySize
            {
                Name = reader.GetString(reader.GetAssemblyDefinition().Name),
                UserStringHeapBytes = reader.GetHeapSize(HeapIndex.UserString),
                Types = reader.TypeDefinitions.Count - 1,
                Methods = reader.MethodDefinitions.Count,
            };

            var strings = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var handle in reader.MethodDefinitions)
            {
                var method = reader.GetMethodDefinition(handle);
                strings.Add(reader.GetString(method.Name));
                if (method.RelativeVirtualAddress != 0)
                {
                    size.MethodBodyIlBytes += pe.GetMethodBody(method.RelativeVirtualAddress).Size;
                }
            }

            foreach (var handle in reader.MethodDefinitions)
            {
                int rows = 0;
                bool test = false;
                foreach (var attributeHandle in reader.GetMethodDefinition(handle).GetCustomAttributes())
                {
                    string name = AttributeTypeName(reader, reader.GetCustomAttribute(attributeHandle));
                    test |= name == "TestMethodAttribute";
                    rows += name == "DataRowAttribute" ? 1 : 0;
                }

                size.TestCases += test ? Math.Max(1, rows) : 0;
            }

            foreach (var handle in reader.TypeDefinitions)
            {
                var type = reader.GetTypeDefinition(handle);
                strings.Add(reader.GetString(type.Name));
                strings.Add(reader.GetString(type.Namespace));
            }

            foreach (var handle in reader.FieldDefinitions)
            {
                strings.Add(reader.GetString(reader.GetFieldDefinition(handle).Name));
            }

            foreach (var handle in reader.TypeReferences)
            {
                var type = reader.GetTypeReference(handle);
                strings.Add(reader.GetString(type.Name));
                strings.Add(reader.GetString(type.Namespace));
            }

            foreach (var handle in reader.MemberReferences)
            {
                strings.Add(reader.GetString(reader.GetMemberReference(handle).Name));
            }

            foreach (var handle in reader.AssemblyReferences)
            {
                strings.Add(reader.GetString(reader.GetAssemblyReference(handle).Name));
            }

            if (size.UserStringHeapBytes > 1)
            {
                for (var us = MetadataTokens.UserStringHandle(1); !us.IsNil; us = reader.GetNextHandle(us))
                {
                    strings.Add(reader.GetUserString(us));
                }
            }

            // String arguments of attributes ([DataRow("...")]) are stored in the .pe string table too.
            foreach (var handle in reader.CustomAttributes)
            {
                foreach (string text in AttributeArguments.Strings(reader, reader.GetCustomAttribute(handle)))
                {
                    strings.Add(text);
                }
            }

            foreach (string s in strings)
            {
                size.PeStringTableEstimate += Encoding.UTF8.GetByteCount(s) + 1;
            }

            return size;
        }

        private static string AttributeTypeName(MetadataReader reader, CustomAttribute attribute)
        {
            EntityHandle type = attribute.Constructor.Kind == HandleKind.MemberReference
                ? reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent
                : reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType();
            return type.Kind == HandleKind.TypeReference ? reader.GetString(reader.GetTypeReference((TypeReferenceHandle)type).Name)
                : type.Kind == HandleKind.TypeDefinition ? reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)type).Name) : "";
        }

        /// <summary>Bytes as KB with one decimal (1 KB = 1,000 bytes, as the budgets are stated).</summary>
        public static string Kb(int bytes) => (bytes / 1000.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " KB";

        /// <inheritdoc />
        public override string ToString()
            => $"{Name}: method-body IL {Kb(MethodBodyIlBytes)} ({MethodBodyIlBytes} B), user strings {Kb(UserStringHeapBytes)} ({UserStringHeapBytes} B), "
                + $".pe string table ≈ {Kb(PeStringTableEstimate)}, {Types} types, {Methods} methods" + (TestCases > 0 ? $", {TestCases} test cases" : "");
    }
}
