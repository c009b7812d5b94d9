namespace System.IO
{
    /// <summary>Surface of System.IO.Streams' <c>StreamReader</c> (UTF-8).</summary>
    public class StreamReader : TextReader
    {
        /// <summary>Creates a reader over a stream.</summary>
        public StreamReader(Stream stream, bool leaveOpen = false) => throw null;

        /// <summary>The underlying stream.</summary>
        public virtual Stream BaseStream { get => throw null; private set => throw null; }
    }
}
