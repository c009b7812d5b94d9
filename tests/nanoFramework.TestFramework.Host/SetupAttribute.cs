using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks the method run once before the first test of its class (nanoFramework semantics).</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class SetupAttribute : Attribute
    {
    }
}
