using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks the method run once after the tests of its class.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }
}
