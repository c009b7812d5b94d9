namespace System.IO
{
    /// <summary>Surface of System.IO.Streams' <c>Stream</c> (not in the nanoFramework mscorlib).</summary>
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        /// <summary>Whether reading is supported.</summary>
        public abstract bool CanRead { get; }

        /// <summary>Whether seeking is supported.</summary>
        public abstract bool CanSeek { get; }

        /// <summary>Whether writing is supported.</summary>
        public abstract bool CanWrite { get; }

        /// <summary>Length in bytes.</summary>
        public abstract long Length { get; }

        /// <summary>Current position.</summary>
        public abstract long Position { get; set; }

        /// <summary>Closes the stream.</summary>
        public virtual void Close() => throw null;

        /// <summary>Releases the stream.</summary>
        public void Dispose() => throw null;

        /// <summary>Releases the stream.</summary>
        protected virtual void Dispose(bool disposing) => throw null;

        /// <summary>Writes buffered data.</summary>
        public abstract void Flush();

        /// <summary>Reads up to <paramref name="count"/> bytes.</summary>
        public abstract int Read(byte[] buffer, int offset, int count);

        /// <summary>Reads one byte, or -1 at the end.</summary>
        public virtual int ReadByte() => throw null;

        /// <summary>Moves the position.</summary>
        public abstract long Seek(long offset, SeekOrigin origin);

        /// <summary>Sets the length.</summary>
        public abstract void SetLength(long value);

        /// <summary>Writes <paramref name="count"/> bytes.</summary>
        public abstract void Write(byte[] buffer, int offset, int count);

        /// <summary>Writes one byte.</summary>
        public virtual void WriteByte(byte value) => throw null;
    }
}
