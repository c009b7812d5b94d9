namespace nanoFramework.Runtime.Native
{
    /// <summary>Surface of Runtime.Native's <c>GC</c>.</summary>
    public static class GC
    {
        /// <summary>Runs a collection and returns the free managed heap in bytes.</summary>
        public static uint Run(bool compactHeap) => throw null;

        /// <summary>Enables or disables GC messages on the debug output.</summary>
        public static void EnableGCMessages(bool enable) => throw null;
    }
}
