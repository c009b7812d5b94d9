using System.IO;
using System.Text;

namespace TagoFirmware.IntegrationTests.Infrastructure
{
    /// <summary>
    /// A node's log captured in memory that a test may read while the node's thread still writes: every write and
    /// <see cref="ToString"/> take the same lock (a bare <see cref="StringWriter"/> read during a write throws).
    /// </summary>
    public sealed class LogCapture : TextWriter
    {
        private readonly StringBuilder _text = new StringBuilder();

        /// <inheritdoc/>
        public override Encoding Encoding => Encoding.UTF8;

        /// <inheritdoc/>
        public override void Write(char value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        /// <inheritdoc/>
        public override void Write(string value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        /// <inheritdoc/>
        public override void Write(char[] buffer, int index, int count)
        {
            lock (_text)
            {
                _text.Append(buffer, index, count);
            }
        }

        /// <inheritdoc/>
        public override void WriteLine(string value)
        {
            lock (_text)
            {
                _text.Append(value).Append(CoreNewLine);
            }
        }

        /// <summary>The text written so far.</summary>
        /// <returns>A snapshot taken between two writes.</returns>
        public override string ToString()
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }
}
