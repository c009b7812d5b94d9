namespace System.IO
{
    /// <summary>Surface of System.IO.Streams' <c>TextReader</c>.</summary>
    public abstract class TextReader : MarshalByRefObject, IDisposable
    {
        /// <summary>Releases the reader.</summary>
        public void Dispose() => throw null;

        /// <summary>Reads a line, or null at the end.</summary>
        public virtual string ReadLine() => throw null;

        /// <summary>Reads the rest.</summary>
        public virtual string ReadToEnd() => throw null;
    }
}
