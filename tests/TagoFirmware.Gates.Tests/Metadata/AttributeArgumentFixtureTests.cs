using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace TagoFirmware.Gates.Tests.Metadata
{
    /// <summary>
    /// Proves the metadata gate rejects the attribute arguments a device cannot take (null, arrays) and measures an
    /// assembly as documented, on fixture assemblies compiled against the real nanoFramework mscorlib.
    /// </summary>
    [TestClass]
    public class AttributeArgumentFixtureTests
    {
        // The shape of nanoFramework.TestFramework's DataRow: params object[].
        private const string Header = "using System;\nnamespace Fixture {\n"
            + "[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)] public class DataRowAttribute : Attribute { "
            + "public DataRowAttribute(params object[] values) { } public string Name { get; set; } }\n"
            + "public class NoteAttribute : Attribute { public NoteAttribute(string text) { } public NoteAttribute(int[] codes) { } }\n";

        [TestMethod]
        public void A_null_value_in_a_data_row_is_reported_with_its_position()
        {
            var findings = Scan("NullRow", "public class T { [DataRow(1, null)] public void M(int a, string b) { } }");
            AssertFound(findings, ViolationKind.NullAttributeArgument, "attribute on method Fixture.T::M", "[DataRow] argument 1 (value 2 of object[]) is null");
        }

        [TestMethod]
        public void A_byte_array_in_a_data_row_is_reported()
        {
            var findings = Scan("ArrayRow", "public class T { [DataRow(new byte[] { 0x22, 0x80 }, 1)] public void M(byte[] a, int b) { } }");
            AssertFound(findings, ViolationKind.ArrayAttributeArgument, "attribute on method Fixture.T::M", "value 1 of object[]) is an array (System.Byte[], 2 elements)");
        }

        [TestMethod]
        public void A_null_string_argument_an_array_parameter_and_a_null_named_value_are_reported()
        {
            var findings = Scan("OtherArguments",
                "public class T { [Note((string)null)] public void A() { } [Note(new[] { 1, 2 })] public void B() { } "
                + "[DataRow(1, Name = null)] public void C(int x) { } [DataRow(null)] public void D(object x) { } }");
            AssertFound(findings, ViolationKind.NullAttributeArgument, "attribute on method Fixture.T::A", "[Note] argument 1 is null");
            AssertFound(findings, ViolationKind.ArrayAttributeArgument, "attribute on method Fixture.T::B", "[Note] argument 1 is an array (System.Int32[]");
            AssertFound(findings, ViolationKind.NullAttributeArgument, "attribute on method Fixture.T::C", "[DataRow] named argument Name is null");
            AssertFound(findings, ViolationKind.NullAttributeArgument, "attribute on method Fixture.T::D", "[DataRow] argument 1 is null");
        }

        [TestMethod]
        public void Strings_holding_a_NUL_or_a_lone_surrogate_are_reported_in_literals_and_data_rows()
        {
            var findings = Scan("DeviceStrings",
                "public class T { [DataRow(\"a\\u0000b\")] public void M(string s) { } public string L() { return \"x\\ud800\"; } "
                + "public string Ok() { return \"\\ud83d\\ude00 \\u00e9\"; } }");
            Assert.IsTrue(findings.Any(f => f.Kind == ViolationKind.StringTheDeviceCannotHold && f.Location == "attribute on method Fixture.T::M [DataRow] argument"
                && f.Detail.Contains("holds U+0000 at index 1")), Dump(findings));
            Assert.IsTrue(findings.Any(f => f.Kind == ViolationKind.StringTheDeviceCannotHold && f.Location.StartsWith("string literal at #US offset", System.StringComparison.Ordinal)
                && f.Detail.Contains("x\\uD800") && f.Detail.Contains("a lone surrogate at index 1")), Dump(findings));
            Assert.AreEqual(2, findings.Count, Dump(findings));
        }

        [TestMethod]
        public void Double_to_string_and_boxed_doubles_are_reported_in_firmware_code()
        {
            string path = FixtureCompiler.Compile("DoubleText", Header + "public static class F { "
                + "public static string A(double d) { return d.ToString(); } public static string B(double d) { return d.ToString(\"F1\"); } "
                + "public static string C(double d) { return \"t=\" + d; } public static string D(float f) { return string.Concat(\"x\", (object)f); } "
                + "public static string E(int i) { return \"n=\" + i.ToString(); } }\n}");
            var options = FixtureCompiler.Options(false);
            options.ReportFloatingPointText = true;
            var findings = MetadataScanner.Scan(path, options);

            foreach (string method in new[] { "A", "B", "C", "D" })
            {
                Assert.IsTrue(findings.Any(f => f.Kind == ViolationKind.FloatingPointText && f.Location.StartsWith("method Fixture.F::" + method + "(", System.StringComparison.Ordinal)), method + ":\n" + Dump(findings));
            }

            Assert.IsFalse(findings.Any(f => f.Location.StartsWith("method Fixture.F::E(", System.StringComparison.Ordinal)), Dump(findings));
            Assert.AreEqual(0, MetadataScanner.Scan(path, FixtureCompiler.Options(false)).Count(f => f.Kind == ViolationKind.FloatingPointText), "off unless asked");
        }

        [TestMethod]
        public void Test_cases_count_one_per_data_row_else_one_per_test_method()
        {
            string path = FixtureCompiler.Compile("Cases", Header + "public class TestMethodAttribute : Attribute { } public class T { "
                + "[TestMethod] public void A() { } [TestMethod] [DataRow(1)] [DataRow(2)] [DataRow(3)] public void B(int x) { } "
                + "[DataRow(4)] public void NotATest(int x) { } }\n}");

            Assert.AreEqual(1 + 3, AssemblySize.Measure(path).TestCases);
        }

        [TestMethod]
        public void Data_rows_of_scalars_strings_and_sentinels_are_accepted()
        {
            var findings = Scan("GoodRows",
                "public class T { [DataRow(1, \"\", true, 2.5, 'c', 7L)] [DataRow(0, \"22 80 22\", false, double.NaN, 'd', long.MaxValue)] "
                + "public void M(int a, string b, bool c, double d, char e, long f) { } [Note(\"ok\")] public void N() { } }");
            Assert.AreEqual(0, findings.Count, Dump(findings));
        }

        [TestMethod]
        public void Size_counts_method_bodies_user_strings_types_and_methods()
        {
            string path = FixtureCompiler.Compile("Sized", Header + "public static class S { public static string A() { return \"hello\"; } "
                + "public static string B() { return \"hello\" + \"!\"; } [DataRow(\"row text\")] public static void C(string s) { } }\n}");
            var size = AssemblySize.Measure(path);

            Assert.AreEqual("Sized", size.Name);
            Assert.AreEqual(0, size.TestCases, "no [TestMethod] in the fixture");
            Assert.AreEqual(3, size.Types, "DataRowAttribute, NoteAttribute, S");
            Assert.AreEqual(8, size.Methods, "DataRow: ctor, get_Name, set_Name; Note: 2 ctors; S: A, B, C. " + size);
            Assert.IsTrue(size.MethodBodyIlBytes > 0, size.ToString());

            // #US: a 0 byte, then "hello" and "hello!" (constant-folded): 1 + (1 + 10 + 1) + (1 + 12 + 1) = 27, rounded up to 4.
            Assert.AreEqual(28, size.UserStringHeapBytes, size.ToString());
            Assert.IsTrue(size.PeStringTableEstimate >= "hello".Length + "hello!".Length + "row text".Length + "Sized".Length + 4, size.ToString());
        }

        private static IReadOnlyList<Finding> Scan(string name, string body)
            => MetadataScanner.Scan(FixtureCompiler.Compile(name, Header + body + "\n}"), FixtureCompiler.Options(false));

        private static void AssertFound(IReadOnlyList<Finding> findings, ViolationKind kind, string location, string detailPart)
        {
            Assert.IsTrue(findings.Any(f => f.Kind == kind && f.Location == location && f.Detail.Contains(detailPart)),
                $"expected {kind} at '{location}' mentioning '{detailPart}'; found:\n" + Dump(findings));
        }

        private static string Dump(IReadOnlyList<Finding> findings)
            => findings.Count == 0 ? "(no findings)" : string.Join("\n", findings);
    }
}
