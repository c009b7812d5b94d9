using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks the method run once after the last test of its class (nanoFramework semantics).</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class CleanupAttribute : Attribute
    {
    }
}
