using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks the method run once before the tests of its class.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }
}
