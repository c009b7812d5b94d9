namespace System.IO
{
    /// <summary>Seek reference points.</summary>
    public enum SeekOrigin
    {
        /// <summary>Start of the stream.</summary>
        Begin = 0,

        /// <summary>Current position.</summary>
        Current = 1,

        /// <summary>End of the stream.</summary>
        End = 2,
    }
}
