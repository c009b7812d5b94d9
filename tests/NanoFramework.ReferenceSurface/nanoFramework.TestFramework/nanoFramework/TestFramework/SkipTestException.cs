using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Thrown to skip a test (from [Setup]: the whole class).</summary>
    public class SkipTestException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public SkipTestException() => throw null;

        /// <summary>Creates the exception with a message.</summary>
        public SkipTestException(string message) => throw null;

        /// <summary>Creates the exception with a message and a cause.</summary>
        public SkipTestException(string message, Exception innerException) => throw null;
    }
}
