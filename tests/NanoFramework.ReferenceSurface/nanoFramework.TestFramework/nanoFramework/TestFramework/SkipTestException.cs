using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Thrown to skip a test (from [Setup]: the whole class). The real type has this one constructor.</summary>
    public class SkipTestException : Exception
    {
        /// <summary>Creates the exception with an optional message and cause.</summary>
        public SkipTestException(string message = null, Exception innerException = null) => throw null;
    }
}
