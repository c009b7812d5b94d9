namespace nanoFramework.Runtime.Native
{
    /// <summary>Surface of Runtime.Native's <c>ExecutionConstraint</c>.</summary>
    public static class ExecutionConstraint
    {
        /// <summary>Limits the calling thread's run time; -1 uninstalls.</summary>
        public static void Install(int timeoutMilliseconds, int priority) => throw null;
    }
}
