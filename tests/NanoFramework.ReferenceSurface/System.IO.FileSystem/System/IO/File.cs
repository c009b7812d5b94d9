namespace System.IO
{
    /// <summary>Surface of System.IO.FileSystem's <c>File</c> (internal flash is drive I:\).</summary>
    public static class File
    {
        /// <summary>Copies a file; fails if the destination exists.</summary>
        public static void Copy(string sourceFileName, string destFileName) => throw null;

        /// <summary>Copies a file.</summary>
        public static void Copy(string sourceFileName, string destFileName, bool overwrite) => throw null;

        /// <summary>Creates or truncates a file.</summary>
        public static FileStream Create(string path) => throw null;

        /// <summary>Deletes a file; no-op when it does not exist.</summary>
        public static void Delete(string path) => throw null;

        /// <summary>Whether a file exists.</summary>
        public static bool Exists(string path) => throw null;

        /// <summary>Moves a file; fails if the destination exists.</summary>
        public static void Move(string sourceFileName, string destFileName) => throw null;

        /// <summary>Opens a file.</summary>
        public static FileStream Open(string path, FileMode mode) => throw null;

        /// <summary>Opens a file for reading.</summary>
        public static FileStream OpenRead(string path) => throw null;

        /// <summary>Opens a file for writing.</summary>
        public static FileStream OpenWrite(string path) => throw null;

        /// <summary>Reads a whole file.</summary>
        public static byte[] ReadAllBytes(string path) => throw null;

        /// <summary>Reads a whole file as UTF-8.</summary>
        public static string ReadAllText(string path) => throw null;

        /// <summary>Creates or overwrites a file with <paramref name="bytes"/>.</summary>
        public static void WriteAllBytes(string path, byte[] bytes) => throw null;

        /// <summary>Creates or overwrites a file with UTF-8 text.</summary>
        public static void WriteAllText(string path, string contents) => throw null;
    }
}
