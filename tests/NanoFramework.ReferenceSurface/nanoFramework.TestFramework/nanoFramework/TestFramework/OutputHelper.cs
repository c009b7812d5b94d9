namespace nanoFramework.TestFramework
{
    /// <summary>Test output.</summary>
    public static class OutputHelper
    {
        /// <summary>Writes text.</summary>
        public static void Write(string message) => throw null;

        /// <summary>Writes a line.</summary>
        public static void WriteLine(string message) => throw null;
    }
}
