namespace System.IO
{
    /// <summary>How a file is opened.</summary>
    public enum FileMode
    {
        /// <summary>Create; fail if it exists.</summary>
        CreateNew = 1,

        /// <summary>Create or truncate.</summary>
        Create = 2,

        /// <summary>Open; fail if missing.</summary>
        Open = 3,

        /// <summary>Open or create.</summary>
        OpenOrCreate = 4,

        /// <summary>Open and truncate.</summary>
        Truncate = 5,

        /// <summary>Open for appending (write only).</summary>
        Append = 6,
    }
}
