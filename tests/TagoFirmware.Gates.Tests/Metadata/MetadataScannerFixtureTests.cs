using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace TagoFirmware.Gates.Tests.Metadata
{
    /// <summary>
    /// Proves the metadata gate catches each construct nanoFramework 1.x cannot run, and names where it is, by
    /// compiling fixture assemblies against the real nanoFramework mscorlib and scanning them.
    /// </summary>
    [TestClass]
    public class MetadataScannerFixtureTests
    {
        private const string Usings = "using System; using System.Collections;\nnamespace Fixture {\n";

        [ClassCleanup]
        public static void DeleteFixtures()
        {
            if (System.IO.Directory.Exists(FixtureCompiler.OutputDirectory))
            {
                System.IO.Directory.Delete(FixtureCompiler.OutputDirectory, true);
            }
        }

        [TestMethod]
        public void Generic_class_definition_is_reported_by_name()
        {
            var findings = Scan("GenericClass", "public class Box<T> { public T Value; }");
            AssertFound(findings, ViolationKind.GenericTypeDefinition, "type Fixture.Box`1");
        }

        [TestMethod]
        public void Generic_interface_and_its_implementation_are_both_reported()
        {
            var findings = Scan("GenericInterface", "public interface IBox<T> { } public class Impl : IBox<int> { }");
            AssertFound(findings, ViolationKind.GenericTypeDefinition, "type Fixture.IBox`1");
            AssertFound(findings, ViolationKind.GenericInstantiation, "Fixture.Impl implements", "Fixture.IBox`1<Int32>");
        }

        [TestMethod]
        public void Generic_method_definition_is_reported_by_name()
        {
            var findings = Scan("GenericMethod", "public static class Util { public static T Id<T>(T x) { return x; } }");
            AssertFound(findings, ViolationKind.GenericMethodDefinition, "method Fixture.Util::Id(!!0)");
        }

        [TestMethod]
        public void Call_to_a_generic_method_is_reported_at_its_IL_offset()
        {
            var findings = Scan("GenericCall",
                "public static class Util { public static T Id<T>(T x) { return x; } public static int Use() { return Id<int>(3); } }");
            AssertFound(findings, ViolationKind.GenericMethodInstantiation, "method Fixture.Util::Use() IL_0001 call", "Fixture.Util::Id<Int32>");
        }

        [TestMethod]
        public void Action_of_int_field_is_reported_at_the_field()
        {
            var findings = Scan("ActionField", "public class Holder { public Action<int> Handler; }");
            AssertFound(findings, ViolationKind.GenericInstantiation, "field Fixture.Holder::Handler", "System.Action`1<Int32>");
        }

        [TestMethod]
        public void Func_lambda_is_reported_where_the_delegate_is_created_and_invoked()
        {
            var findings = Scan("FuncLambda",
                "public static class Util { public static int Use(int k) { Func<int> f = () => k; return f(); } }");
            Assert.IsTrue(findings.Any(f => f.Kind == ViolationKind.GenericInstantiation && f.Location.StartsWith("method Fixture.Util::Use(Int32) IL_")
                && f.Location.EndsWith(" newobj") && f.Detail.Contains("System.Func`1<Int32>")), Dump(findings));
            Assert.IsTrue(findings.Any(f => f.Kind == ViolationKind.GenericInstantiation && f.Location.EndsWith(" callvirt")
                && f.Detail.Contains("System.Func`1<Int32>")), Dump(findings));
        }

        [TestMethod]
        public void EventHandler_of_T_event_is_reported_at_the_event()
        {
            var findings = Scan("GenericEvent", "public class Source { public event EventHandler<EventArgs> Changed; public void Raise() { Changed?.Invoke(this, null); } }");
            AssertFound(findings, ViolationKind.GenericInstantiation, "event Fixture.Source::Changed", "System.EventHandler`1<System.EventArgs>");
        }

        [TestMethod]
        public void Generic_struct_local_is_reported_in_the_local_signature()
        {
            var findings = Scan("GenericLocal",
                "public struct Pair<T> { public T A; public T B; } "
                + "public static class Util { public static int Use(int v) { Pair<int> p = default; p.A = v; p.B = v; return p.A + p.B; } }");
            Assert.IsTrue(findings.Any(f => f.Kind == ViolationKind.GenericInstantiation && f.Location.StartsWith("method Fixture.Util::Use(Int32) local V_")
                && f.Detail.Contains("Fixture.Pair`1<Int32>")), Dump(findings));
        }

        [TestMethod]
        public void Generic_parameter_type_in_a_method_signature_is_reported()
        {
            var findings = Scan("GenericParameterType", "public static class Util { public static void Use(Action<string> a) { } }");
            AssertFound(findings, ViolationKind.GenericInstantiation, "method Fixture.Util::Use(System.Action`1<string>) signature", "System.Action`1<string>");
        }

        [TestMethod]
        public void Typeof_cast_and_array_of_a_generic_type_are_reported_at_their_opcodes()
        {
            var findings = Scan("GenericOperands",
                "public static class Util { public static object A() { return typeof(Action<int>); } "
                + "public static object B(object o) { return (Action<int>)o; } "
                + "public static object C() { return new Action<int>[2]; } }");
            AssertFound(findings, ViolationKind.GenericInstantiation, "method Fixture.Util::A() IL_0000 ldtoken", "System.Action`1<Int32>");
            AssertFound(findings, ViolationKind.GenericInstantiation, "method Fixture.Util::B(object) IL_0001 castclass", "System.Action`1<Int32>");
            AssertFound(findings, ViolationKind.GenericInstantiation, "method Fixture.Util::C() IL_0001 newarr", "System.Action`1<Int32>");
        }

        [TestMethod]
        public void Generic_type_given_to_an_attribute_is_reported()
        {
            var findings = Scan("GenericAttributeArgument",
                "public class MarkerAttribute : Attribute { public MarkerAttribute(Type t) { } } [Marker(typeof(Action<int>))] public class Marked { }");
            Assert.IsTrue(findings.Any(f => f.Kind == ViolationKind.GenericTypeInAttribute && f.Location == "attribute on type Fixture.Marked"
                && f.Detail.Contains("System.Action`1[")), Dump(findings));
        }

        [TestMethod]
        public void Open_generic_type_in_typeof_is_reported_in_IL_and_in_attributes()
        {
            var findings = Scan("OpenGeneric",
                "public class MarkerAttribute : Attribute { public MarkerAttribute(Type t) { } } "
                + "[Marker(typeof(Action<>))] public static class Util { public static object A() { return typeof(Func<,>); } }");
            AssertFound(findings, ViolationKind.OpenGenericType, "method Fixture.Util::A() IL_0000 ldtoken", "System.Func`2");
            Assert.IsTrue(findings.Any(f => f.Kind == ViolationKind.GenericTypeInAttribute && f.Location == "attribute on type Fixture.Util"
                && f.Detail.Contains("System.Action`1")), Dump(findings));
        }

        [TestMethod]
        public void Multidimensional_array_field_is_reported_at_the_field()
        {
            var findings = Scan("MultidimensionalField", "public class Grid { public int[,] Cells; }");
            AssertFound(findings, ViolationKind.MultidimensionalArray, "field Fixture.Grid::Cells", "Int32[,]");
        }

        [TestMethod]
        public void Multidimensional_array_creation_and_access_are_reported_at_their_opcodes()
        {
            var findings = Scan("MultidimensionalIl",
                "public static class Util { public static object Make() { object o = new int[2, 3]; return o; } "
                + "public static int Read(object o) { return ((byte[,,])o)[1, 2, 3]; } }");
            AssertFound(findings, ViolationKind.MultidimensionalArray, "method Fixture.Util::Make() IL_0002 newobj", "Int32[,]");
            AssertFound(findings, ViolationKind.MultidimensionalArray, "method Fixture.Util::Read(object) IL_0001 castclass", "Byte[,,]");
            Assert.IsTrue(findings.Any(f => f.Kind == ViolationKind.MultidimensionalArray && f.Location.StartsWith("method Fixture.Util::Read(object) IL_")
                && f.Location.EndsWith(" call")), Dump(findings));
        }

        [TestMethod]
        public void Arrays_of_structs_in_signatures_are_reported_for_the_core()
        {
            var findings = Scan("StructArraySignatures",
                "public enum Color { Red, Green } public struct Point { public int X; } "
                + "public class Holder { public DateTime[] Times; public Color[] Colors; public Point[][] Jagged; "
                + "public void Take(TimeSpan[] spans) { } public Guid[] Ids { get { return null; } } }");
            AssertFound(findings, ViolationKind.ArrayOfStructs, "field Fixture.Holder::Times", "System.DateTime[]");
            AssertFound(findings, ViolationKind.ArrayOfStructs, "field Fixture.Holder::Colors", "Fixture.Color[]");
            AssertFound(findings, ViolationKind.ArrayOfStructs, "field Fixture.Holder::Jagged", "Fixture.Point[]");
            AssertFound(findings, ViolationKind.ArrayOfStructs, "method Fixture.Holder::Take(System.TimeSpan[]) signature", "System.TimeSpan[]");
            AssertFound(findings, ViolationKind.ArrayOfStructs, "property Fixture.Holder::Ids", "System.Guid[]");
        }

        [TestMethod]
        public void Array_of_structs_created_but_held_as_object_is_reported_at_newarr()
        {
            var findings = Scan("StructArrayNewarr",
                "public struct Point { public int X; } public static class Util { public static object Make() { return new Point[3]; } "
                + "public static object Times() { return new DateTime[2]; } }");
            AssertFound(findings, ViolationKind.ArrayOfStructs, "method Fixture.Util::Make() IL_0001 newarr", "Fixture.Point[]");
            AssertFound(findings, ViolationKind.ArrayOfStructs, "method Fixture.Util::Times() IL_0001 newarr", "System.DateTime[]");
        }

        [TestMethod]
        public void Arrays_of_structs_are_not_reported_outside_the_core()
        {
            var findings = Scan("StructArrayAllowed",
                "public class Holder { public DateTime[] Times; public object Make() { return new TimeSpan[2]; } }", core: false);
            Assert.AreEqual(0, findings.Count, Dump(findings));
        }

        [TestMethod]
        public void Struct_from_another_assembly_is_resolved_to_decide_about_its_array()
        {
            string other = FixtureCompiler.Compile("OtherStructs", "namespace Other { public struct Sample { public int V; } public class Box { } }");
            string source = Usings + "public static class Util { public static object A() { return new Other.Sample[2]; } "
                + "public static object B() { return new Other.Box[2]; } } }";
            string path = FixtureCompiler.Compile("CrossAssemblyArrays", source, other);

            var withReference = MetadataScanner.Scan(path, FixtureCompiler.Options(true, System.IO.Path.GetDirectoryName(other)));
            AssertFound(withReference, ViolationKind.ArrayOfStructs, "method Fixture.Util::A() IL_0001 newarr", "Other.Sample[]");
            Assert.AreEqual(1, withReference.Count, Dump(withReference));

            var withoutReference = MetadataScanner.Scan(path, FixtureCompiler.Options(true));
            Assert.IsTrue(withoutReference.Any(f => f.Kind == ViolationKind.UnresolvedType && f.Location == "method Fixture.Util::A() IL_0001 newarr"
                && f.Detail.Contains("assembly OtherStructs not found")), Dump(withoutReference));
        }

        [TestMethod]
        public void Allowed_constructs_of_CSharp_9_yield_no_findings()
        {
            var findings = MetadataScanner.Scan(FixtureCompiler.Compile("Allowed", AllowedSource.Text), FixtureCompiler.Options(true));
            Assert.AreEqual(0, findings.Count, Dump(findings));
        }

        private static IReadOnlyList<Finding> Scan(string name, string body, bool core = true)
            => MetadataScanner.Scan(FixtureCompiler.Compile(name, Usings + body + "\n}"), FixtureCompiler.Options(core));

        private static void AssertFound(IReadOnlyList<Finding> findings, ViolationKind kind, string location, string detailPart = null)
        {
            Assert.IsTrue(findings.Any(f => f.Kind == kind && f.Location == location && (detailPart == null || f.Detail.Contains(detailPart))),
                $"expected {kind} at '{location}'{(detailPart == null ? "" : " mentioning " + detailPart)}; found:\n" + Dump(findings));
        }

        private static string Dump(IReadOnlyList<Finding> findings)
            => findings.Count == 0 ? "(no findings)" : string.Join("\n", findings);
    }
}
