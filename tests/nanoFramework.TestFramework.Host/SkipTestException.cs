using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Thrown to skip a test (or, from [Setup], the whole class), as in nanoFramework.TestFramework.</summary>
    public class SkipTestException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public SkipTestException(string message = null, Exception innerException = null)
            : base(message, innerException)
        {
        }
    }
}
