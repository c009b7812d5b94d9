namespace TagoFirmware.Gates.Tests.Metadata
{
    /// <summary>The kinds of metadata that stable nanoFramework firmware (nanoCLR 1.x, CoreLibrary 1.17) cannot run.</summary>
    public enum ViolationKind
    {
        /// <summary>A type definition with generic parameters (<c>class Box&lt;T&gt;</c>).</summary>
        GenericTypeDefinition,

        /// <summary>A method definition with generic parameters (<c>T Id&lt;T&gt;(T x)</c>).</summary>
        GenericMethodDefinition,

        /// <summary>A generic type instantiation (TypeSpec GENERICINST), e.g. <c>Action&lt;int&gt;</c> or <c>int?</c>.</summary>
        GenericInstantiation,

        /// <summary>A generic method instantiation (a MethodSpec row).</summary>
        GenericMethodInstantiation,

        /// <summary>A generic type used without type arguments (<c>typeof(Action&lt;&gt;)</c>).</summary>
        OpenGenericType,

        /// <summary>A reference to a generic parameter (<c>!0</c> or <c>!!0</c>) in a signature.</summary>
        GenericParameter,

        /// <summary>An array with an ArrayShape (<c>int[,]</c>, or a non-zero-based array).</summary>
        MultidimensionalArray,

        /// <summary>An array whose element type is a non-primitive value type: nanoCLR boxes every element.</summary>
        ArrayOfStructs,

        /// <summary>A generic type named in a custom attribute argument (<c>typeof(Action&lt;int&gt;)</c>).</summary>
        GenericTypeInAttribute,

        /// <summary>A null custom-attribute argument (<c>[DataRow(1, null)]</c>): the nanoFramework MetadataProcessor crashes on it.</summary>
        NullAttributeArgument,

        /// <summary>
        /// An array custom-attribute argument (<c>[DataRow(new byte[] { 1 })]</c>): the nanoCLR cannot read it, and the test
        /// launcher silently stops at the first one. DataRow's own <c>params object[]</c> is allowed.
        /// </summary>
        ArrayAttributeArgument,

        /// <summary>
        /// A string literal (or string attribute argument) holding U+0000 or a lone surrogate: device strings are UTF-8 and
        /// NUL-terminated, so the literal ends at the NUL and a lone surrogate becomes U+FFFD there.
        /// </summary>
        StringTheDeviceCannotHold,

        /// <summary>
        /// A call to <c>double.ToString</c>/<c>float.ToString</c> or a boxed double/float in firmware code: on the nanoCLR
        /// <c>21.5.ToString()</c> gives <c>21.499999999999999</c>, so no text a user sees may come from it.
        /// </summary>
        FloatingPointText,

        /// <summary>A custom attribute whose argument blob the gate cannot decode, so it cannot tell what the device would read.</summary>
        UndecodableAttribute,

        /// <summary>A type the gate could not resolve, so it cannot tell whether an array of it is an array of structs.</summary>
        UnresolvedType,
    }
}
