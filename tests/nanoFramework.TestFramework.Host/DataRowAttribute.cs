using System;

namespace nanoFramework.TestFramework
{
    /// <summary>One set of arguments for a parameterised test, as nanoFramework's <c>[DataRow]</c>.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
    public sealed class DataRowAttribute : Microsoft.VisualStudio.TestTools.UnitTesting.DataRowAttribute
    {
        /// <summary>Creates a data row with the given method arguments.</summary>
        public DataRowAttribute(params object[] methodParameters)
            : base(methodParameters ?? new object[] { null })
        {
        }
    }
}
