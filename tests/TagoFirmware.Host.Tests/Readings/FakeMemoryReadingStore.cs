using System;
using System.Collections.Generic;
using TagoFirmware.Readings;

namespace TagoFirmware.Host.Tests.Readings
{
    /// <summary>A working in-memory <see cref="IReadingStore"/> whose bytes tests can take, cut and corrupt.</summary>
    public sealed class FakeMemoryReadingStore : IReadingStore
    {
        private readonly List<byte> _log = new List<byte>();
        private List<byte> _replacement;

        public FakeMemoryReadingStore()
        {
        }

        public FakeMemoryReadingStore(byte[] content)
        {
            _log.AddRange(content);
        }

        public bool CanWrite => true;

        public int Length => _log.Count;

        public byte[] Snapshot() => _log.ToArray();

        public int Read(int position, byte[] buffer, int offset, int count)
        {
            int n = Math.Min(count, _log.Count - position);
            if (n <= 0)
            {
                return 0;
            }

            _log.CopyTo(position, buffer, offset, n);
            return n;
        }

        public bool Append(byte[] buffer, int offset, int count)
        {
            _log.AddRange(new ArraySegment<byte>(buffer, offset, count));
            return true;
        }

        public bool BeginReplace()
        {
            _replacement = new List<byte>();
            return true;
        }

        public bool WriteReplacement(byte[] buffer, int offset, int count)
        {
            _replacement.AddRange(new ArraySegment<byte>(buffer, offset, count));
            return true;
        }

        public bool CommitReplace()
        {
            _log.Clear();
            _log.AddRange(_replacement);
            _replacement = null;
            return true;
        }

        public void AbortReplace()
        {
            _replacement = null;
        }
    }
}
