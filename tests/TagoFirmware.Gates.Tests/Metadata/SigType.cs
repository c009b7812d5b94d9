using System.Collections.Generic;

namespace TagoFirmware.Gates.Tests.Metadata
{
    /// <summary>
    /// A decoded signature type: its display name, whether it is a value type (and a primitive one), and every
    /// problem found anywhere inside it (generic instantiations, array shapes, arrays of structs).
    /// </summary>
    public sealed class SigType
    {
        private static readonly IReadOnlyList<(ViolationKind Kind, string Detail)> s_none = new List<(ViolationKind, string)>();

        /// <summary>Creates a decoded type.</summary>
        public SigType(string name, bool isValueType, bool isPrimitive, IReadOnlyList<(ViolationKind Kind, string Detail)> problems = null)
        {
            Name = name;
            IsValueType = isValueType;
            IsPrimitive = isPrimitive;
            Problems = problems ?? s_none;
        }

        /// <summary>Display name, e.g. <c>System.Action`1&lt;int32&gt;</c>.</summary>
        public string Name { get; }

        /// <summary>True for structs and enums (ELEMENT_TYPE_VALUETYPE) and primitives.</summary>
        public bool IsValueType { get; }

        /// <summary>True for the primitive numeric, bool and char types, whose arrays nanoCLR stores unboxed.</summary>
        public bool IsPrimitive { get; }

        /// <summary>Every problem inside this type, innermost first.</summary>
        public IReadOnlyList<(ViolationKind Kind, string Detail)> Problems { get; }

        /// <summary>Combines the problems of several parts plus optional new ones.</summary>
        public static IReadOnlyList<(ViolationKind Kind, string Detail)> Merge(IEnumerable<SigType> parts, params (ViolationKind, string)[] added)
        {
            var all = new List<(ViolationKind, string)>();
            foreach (var part in parts)
            {
                if (part != null)
                {
                    all.AddRange(part.Problems);
                }
            }

            all.AddRange(added);
            return all;
        }

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
