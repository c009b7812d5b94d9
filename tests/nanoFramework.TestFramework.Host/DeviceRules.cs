using System;
using System.Linq;
using System.Reflection;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// What the nanoFramework device cannot run, refused on the host before the test runs, so a test that would break
    /// the device build or silently never run there fails here first with the reason:
    /// <list type="bullet">
    /// <item>a <c>null</c> data-row value: the MetadataProcessor (the build step that makes the device's .pe) crashes on it;</item>
    /// <item>an array data-row value (<c>new byte[] { … }</c>): the nanoCLR cannot read array arguments of attributes, and
    /// the test launcher stops at the first one without a word;</item>
    /// <item>a data-row string holding U+0000 or a lone surrogate: device strings are UTF-8 and NUL-terminated, so the
    /// first cuts the string there and the second becomes U+FFFD;</item>
    /// <item>an instance field on a test class: the launcher calls test methods without ever creating an instance.</item>
    /// </list>
    /// </summary>
    internal static class DeviceRules
    {
        /// <summary>Why the device cannot run this test case, or null when it can.</summary>
        internal static string Refusal(MethodInfo method, object[] arguments)
        {
            Type type = method.DeclaringType;
            FieldInfo field = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).FirstOrDefault(f => !f.Name.Contains('<'));
            if (field != null)
            {
                return $"{type.Name}.{field.Name} is an instance field: the nanoFramework launcher never creates the test class, keep state in static fields.";
            }

            if (arguments == null)
            {
                return null;
            }

            for (int i = 0; i < arguments.Length; i++)
            {
                string problem = Problem(arguments[i]);
                if (problem != null)
                {
                    return $"DataRow value {i + 1} of {method.Name} {problem}";
                }
            }

            return null;
        }

        private static string Problem(object value)
        {
            if (value == null)
            {
                return "is null: the nanoFramework MetadataProcessor crashes on null attribute arguments. Use a sentinel (\"\", a named constant) and map it in the test body.";
            }

            if (value is Array)
            {
                return $"is an array ({value.GetType().Name}): the nanoCLR cannot read array arguments of attributes and the launcher silently stops there. "
                    + "Pass hex text or an index into a static table and build the array in the test body.";
            }

            if (value is string text)
            {
                for (int i = 0; i < text.Length; i++)
                {
                    char c = text[i];
                    if (c == '\0')
                    {
                        return $"holds U+0000 at index {i}: device strings are NUL-terminated and end there. Build such input from bytes in the test body.";
                    }

                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        i++;
                    }
                    else if (char.IsSurrogate(c))
                    {
                        return $"holds a lone surrogate U+{(int)c:X4} at index {i}: device strings are UTF-8 and turn it into U+FFFD. Build it at run time and test the device's behaviour.";
                    }
                }
            }

            return null;
        }
    }
}
