namespace System.IO
{
    /// <summary>Surface of System.IO.Streams' <c>MemoryStream</c>.</summary>
    public class MemoryStream : Stream
    {
        /// <summary>Creates an expandable stream.</summary>
        public MemoryStream() => throw null;

        /// <summary>Creates a fixed stream over <paramref name="buffer"/>.</summary>
        public MemoryStream(byte[] buffer) => throw null;

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

        /// <summary>Copies the contents to a new array.</summary>
        public virtual byte[] ToArray() => throw null;
    }
}
