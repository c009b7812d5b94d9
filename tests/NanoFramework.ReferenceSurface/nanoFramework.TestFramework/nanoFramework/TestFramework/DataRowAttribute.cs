using System;

namespace nanoFramework.TestFramework
{
    /// <summary>One set of arguments for a parameterised test method.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        /// <summary>Creates the row; at least one argument.</summary>
        public DataRowAttribute(params object[] methodParameters) => throw null;

        /// <summary>The arguments.</summary>
        public object[] MethodParameters => throw null;
    }
}
