namespace System
{
    /// <summary>Surface of Runtime.Native's <c>System.Environment</c> (not in the nanoFramework mscorlib).</summary>
    public static partial class Environment
    {
        /// <summary>Milliseconds since the system started (monotonic).</summary>
        public static long TickCount64 => throw null;
    }
}
