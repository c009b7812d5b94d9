using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Test output, as nanoFramework's <c>OutputHelper</c>.</summary>
    public static class OutputHelper
    {
        /// <summary>Writes one line to the test output.</summary>
        public static void WriteLine(string message) => Console.WriteLine(message);

        /// <summary>Writes text to the test output.</summary>
        public static void Write(string message) => Console.Write(message);
    }
}
