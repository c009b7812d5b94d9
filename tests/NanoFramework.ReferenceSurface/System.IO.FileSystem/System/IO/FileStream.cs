namespace System.IO
{
    /// <summary>Surface of System.IO.FileSystem's <c>FileStream</c>.</summary>
    public class FileStream : Stream
    {
        /// <summary>Opens a file (Append opens for writing, the rest read/write).</summary>
        public FileStream(string path, FileMode mode) => throw null;

        /// <summary>Opens a file.</summary>
        public FileStream(string path, FileMode mode, FileAccess access) => throw null;

        /// <summary>File name with extension.</summary>
        public string Name => throw null;

        /// <inheritdoc/>
        public override bool CanRead => throw null;

        /// <inheritdoc/>
        public override bool CanSeek => throw null;

        /// <inheritdoc/>
        public override bool CanWrite => throw null;

        /// <inheritdoc/>
        public override long Length => throw null;

        /// <inheritdoc/>
        public override long Position { get => throw null; set => throw null; }

        /// <inheritdoc/>
        public override void Flush() => throw null;

        /// <inheritdoc/>
        public override int Read(byte[] buffer, int offset, int count) => throw null;

        /// <inheritdoc/>
        public override long Seek(long offset, SeekOrigin origin) => throw null;

        /// <inheritdoc/>
        public override void SetLength(long value) => throw null;

        /// <inheritdoc/>
        public override void Write(byte[] buffer, int offset, int count) => throw null;
    }
}
