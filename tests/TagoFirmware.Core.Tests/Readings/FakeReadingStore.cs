using System;
using TagoFirmware.Readings;

namespace TagoFirmware.Tests.Readings
{
    /// <summary>
    /// In-memory <see cref="IReadingStore"/> that works like a flash file and can be told to fail: appends, replace
    /// commits, torn appends (only a prefix lands, as after a power cut), reads. Counts every write so tests can
    /// check that appends are grouped and acks batched.
    /// </summary>
    public class FakeReadingStore : IReadingStore
    {
        private byte[] _log = new byte[256];
        private int _length;
        private byte[] _replacement;
        private int _replacementLength;
        private bool _replacing;

        /// <summary>When true, every append fails and writes nothing.</summary>
        public bool FailAppends { get; set; }

        /// <summary>When 0 or more, the next append writes only this many bytes and fails (a torn write).</summary>
        public int TearNextAppendAt { get; set; } = -1;

        /// <summary>When true, commits of a replacement fail and the old log stays.</summary>
        public bool FailCommits { get; set; }

        /// <summary>When true, the log cannot be read (Length is -1).</summary>
        public bool Unreadable { get; set; }

        /// <summary>Successful and failed append calls.</summary>
        public int AppendCalls { get; private set; }

        /// <summary>Successful replacements.</summary>
        public int Commits { get; private set; }

        /// <summary>Bytes written by appends and replacements (flash wear).</summary>
        public long BytesWritten { get; private set; }

        /// <inheritdoc />
        /// <summary>When true, the medium is full: appends and replacements fail and write nothing.</summary>
        public bool Full { get; set; }

        /// <summary>False makes the store read-only: appends and replacements fail, reads work.</summary>
        public bool CanWrite { get; set; } = true;

        /// <summary>Most bytes the log and a replacement took together at any time.</summary>
        public int PeakBytes { get; private set; }

        public int Length => Unreadable ? -1 : _length;

        /// <summary>A copy of the log as it would be found after a power cut now.</summary>
        /// <returns>The log bytes.</returns>
        public byte[] Snapshot()
        {
            byte[] copy = new byte[_length];
            Array.Copy(_log, copy, _length);
            return copy;
        }

        /// <summary>Replaces the log with <paramref name="bytes"/> (e.g. a snapshot, cut or corrupted).</summary>
        /// <param name="bytes">New log content.</param>
        public void Load(byte[] bytes)
        {
            _log = new byte[bytes.Length + 256];
            Array.Copy(bytes, _log, bytes.Length);
            _length = bytes.Length;
        }

        /// <summary>Cuts the log to <paramref name="length"/> bytes, as a power cut during a write would.</summary>
        /// <param name="length">New length.</param>
        public void CutTo(int length)
        {
            if (length < _length)
            {
                _length = length;
            }
        }

        /// <summary>Flips one bit of the log.</summary>
        /// <param name="byteIndex">Byte to change.</param>
        /// <param name="bit">Bit 0..7.</param>
        public void FlipBit(int byteIndex, int bit)
        {
            _log[byteIndex] ^= (byte)(1 << bit);
        }

        /// <inheritdoc />
        public int Read(int position, byte[] buffer, int offset, int count)
        {
            if (Unreadable)
            {
                return -1;
            }

            int n = _length - position;
            if (n > count)
            {
                n = count;
            }

            if (n <= 0)
            {
                return 0;
            }

            Array.Copy(_log, position, buffer, offset, n);
            return n;
        }

        /// <inheritdoc />
        public bool Append(byte[] buffer, int offset, int count)
        {
            AppendCalls++;
            if (FailAppends || Full || !CanWrite)
            {
                return false;
            }

            if (TearNextAppendAt >= 0)
            {
                int partial = TearNextAppendAt < count ? TearNextAppendAt : count;
                TearNextAppendAt = -1;
                Put(buffer, offset, partial);
                return false;
            }

            Put(buffer, offset, count);
            return true;
        }

        /// <inheritdoc />
        public bool BeginReplace()
        {
            if (Full || !CanWrite)
            {
                return false;
            }

            _replacement = new byte[256];
            _replacementLength = 0;
            _replacing = true;
            return true;
        }

        /// <inheritdoc />
        public bool WriteReplacement(byte[] buffer, int offset, int count)
        {
            if (!_replacing)
            {
                return false;
            }

            if (_replacementLength + count > _replacement.Length)
            {
                byte[] bigger = new byte[(_replacementLength + count) * 2];
                Array.Copy(_replacement, bigger, _replacementLength);
                _replacement = bigger;
            }

            Array.Copy(buffer, offset, _replacement, _replacementLength, count);
            _replacementLength += count;
            Peak();
            BytesWritten += count;
            return true;
        }

        /// <inheritdoc />
        public bool CommitReplace()
        {
            if (!_replacing || FailCommits)
            {
                return false;
            }

            _log = _replacement;
            _length = _replacementLength;
            _replacement = null;
            _replacing = false;
            Commits++;
            return true;
        }

        /// <inheritdoc />
        public void AbortReplace()
        {
            _replacement = null;
            _replacing = false;
        }

        private void Put(byte[] buffer, int offset, int count)
        {
            if (_length + count > _log.Length)
            {
                byte[] bigger = new byte[(_length + count) * 2];
                Array.Copy(_log, bigger, _length);
                _log = bigger;
            }

            Array.Copy(buffer, offset, _log, _length, count);
            _length += count;
            Peak();
            BytesWritten += count;
        }

        private void Peak()
        {
            int bytes = _length + (_replacing ? _replacementLength : 0);
            if (bytes > PeakBytes)
            {
                PeakBytes = bytes;
            }
        }
    }
}
