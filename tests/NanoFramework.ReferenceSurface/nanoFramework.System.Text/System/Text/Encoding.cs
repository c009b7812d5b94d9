namespace System.Text
{
    /// <summary>Surface of nanoFramework.System.Text's <c>Encoding</c> (only UTF-8 exists on nanoFramework).</summary>
    public abstract class Encoding
    {
        /// <summary>The UTF-8 encoding.</summary>
        public static Encoding UTF8 => throw null;

        /// <summary>Encodes a string.</summary>
        public virtual byte[] GetBytes(string s) => throw null;

        /// <summary>Encodes part of a string into a buffer.</summary>
        public virtual int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw null;

        /// <summary>Decodes a whole buffer to characters.</summary>
        public virtual char[] GetChars(byte[] bytes) => throw null;

        /// <summary>Decodes part of a buffer to characters.</summary>
        public virtual char[] GetChars(byte[] bytes, int byteIndex, int byteCount) => throw null;

        /// <summary>Decodes part of a buffer.</summary>
        public virtual string GetString(byte[] bytes, int index, int count) => throw null;
    }
}
