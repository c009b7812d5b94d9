using System;

namespace TagoFirmware.IlCount
{
    /// <summary>
    /// Marks a class or method of a scenario assembly whose IL is counted like the core's (e.g. the nanoFramework
    /// samples' way of writing a payload, run side by side with ours). Everything else in a scenario assembly is the
    /// harness and is not counted.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
    public sealed class IlCountedAttribute : Attribute
    {
    }
}
