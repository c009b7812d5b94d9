using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a class holding tests, as nanoFramework.TestFramework's attribute of the same name does.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class TestClassAttribute : Microsoft.VisualStudio.TestTools.UnitTesting.TestClassAttribute
    {
    }
}
