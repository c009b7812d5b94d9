using System.Reflection;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using DeviceRules = nanoFramework.TestFramework.DeviceRules;

namespace TagoFirmware.Gates.Tests.Framework
{
    /// <summary>The host TestFramework shim refuses, before running it, a test case the nanoFramework device cannot run.</summary>
    [TestClass]
    public class DeviceRulesTests
    {
        private static readonly MethodInfo s_method = typeof(StaticSample).GetMethod(nameof(StaticSample.Row));

        [TestMethod]
        public void Scalars_strings_and_well_formed_text_are_accepted()
        {
            Assert.IsNull(DeviceRules.Refusal(s_method, new object[] { 1, "", "a\u00e9\ud83d\ude00", 2.5, true }));
            Assert.IsNull(DeviceRules.Refusal(s_method, null));
        }

        [TestMethod]
        public void A_null_value_is_refused_with_its_position_and_the_reason()
        {
            string refusal = DeviceRules.Refusal(s_method, new object[] { 1, null });
            StringAssert.Contains(refusal, "DataRow value 2 of Row is null");
            StringAssert.Contains(refusal, "MetadataProcessor");
        }

        [TestMethod]
        public void An_array_value_is_refused()
        {
            string refusal = DeviceRules.Refusal(s_method, new object[] { new byte[] { 0x22 }, 1 });
            StringAssert.Contains(refusal, "DataRow value 1 of Row is an array (Byte[])");
        }

        [TestMethod]
        public void A_NUL_or_a_lone_surrogate_in_a_string_value_is_refused()
        {
            StringAssert.Contains(DeviceRules.Refusal(s_method, new object[] { "a\u0000b" }), "holds U+0000 at index 1");
            StringAssert.Contains(DeviceRules.Refusal(s_method, new object[] { "x\ud83d" }), "lone surrogate U+D83D at index 1");
            StringAssert.Contains(DeviceRules.Refusal(s_method, new object[] { "\ude00\ud83d" }), "lone surrogate U+DE00 at index 0");
        }

        [TestMethod]
        public void A_test_class_with_an_instance_field_is_refused()
        {
            MethodInfo method = typeof(InstanceSample).GetMethod(nameof(InstanceSample.Run));
            StringAssert.Contains(DeviceRules.Refusal(method, null), "InstanceSample._count is an instance field");
        }

        public class StaticSample
        {
            private static int s_count;

            public static int Count => s_count;

            public void Row(object a)
            {
                s_count++;
            }
        }

        public class InstanceSample
        {
            private int _count;

            public int Run() => ++_count;
        }
    }
}
