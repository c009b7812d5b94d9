using System;
using TagoFirmware.Payload;

namespace TagoFirmware.TagoTip
{
    /// <summary>
    /// Writes the body of a TagoTiP PUSH as MQTT carries it (<c>!N|@TIME^GROUP{META}[var;var;…]</c>, TagoTiP 1.0
    /// §6 and the MQTT binding, https://github.com/tago-io/tagotip) into a caller-owned buffer, validating every
    /// field and allocating nothing.
    /// </summary>
    /// <remarks>
    /// <para>Use: <see cref="Begin"/> with the sequence number and the time and group most variables share, optional
    /// <see cref="FrameMetadata"/> pairs every variable inherits, then per variable
    /// <see cref="BeginVariable(TagoTipToken)"/>, one value (<see cref="NumberScaled"/> or <see cref="Text"/>), the
    /// optional suffixes in the order <see cref="Unit(TagoTipToken)"/>, <see cref="Time"/>, <see cref="Group"/>, and
    /// <see cref="EndVariable"/>; finally <see cref="Finish"/>. A variable's time or group equal to the frame's is
    /// left out: it inherits it (§6.4). Only the modifier order that revisions C and D both accept is written
    /// (<c>@TIME</c> before <c>^GROUP</c>), and no location. Names and units are <see cref="TagoTipToken"/>s, checked
    /// once when the configuration is loaded, so a reading costs block copies, not a check per byte.</para>
    /// <para>The first error of a variable sticks and rolls it back at once, as in <see cref="TagoJsonWriter"/>.
    /// <see cref="TagoTipResult.FrameFull"/> means: finish this frame and write the variable into the next one.</para>
    /// <para>Frame limit: min(16,384 bytes, the buffer) including <c>!N|</c>; one byte stays reserved for
    /// <c>]</c>. Numbers are exact decimals from scaled integers, digits by the shared
    /// <see cref="FixedPointFormatter"/> (no exponent, no NaN, no <c>-0</c>); string and metadata values are
    /// printable ASCII, with <c>| [ ] ; , { } # @ ^ \</c> escaped by a backslash and LF written <c>\n</c> (§4.4).</para>
    /// </remarks>
    public sealed class TagoTipWriter
    {
        /// <summary>Largest frame TagoTiP servers must accept, in bytes (§4.5).</summary>
        public const int MaxFrameBytes = 16384;

        /// <summary>Most variables in one <c>[…]</c> block (§4.5.1).</summary>
        public const int MaxVariables = 100;

        /// <summary>Most pairs in one <c>{…}</c> block (§4.5.1).</summary>
        public const int MaxMetadataPairs = 32;

        /// <summary>Longest name, group or metadata key, in bytes.</summary>
        public const int MaxNameBytes = 100;

        /// <summary>Longest unit, in bytes.</summary>
        public const int MaxUnitBytes = 25;

        private const int RankName = 1;
        private const int RankValue = 2;
        private const int RankUnit = 3;
        private const int RankTime = 4;
        private const int RankGroup = 5;

        private readonly byte[] _buffer;
        private readonly int _limit;
        private readonly byte[] _frameGroup = new byte[MaxNameBytes];
        private readonly byte[] _digits = new byte[20];
        private readonly byte[] _number = new byte[24];
        private long _digitsValue = -1;
        private int _digitsStart;
        private int _frameGroupLength;
        private long _frameTime;
        private int _length;
        private int _itemStart;
        private int _variables;
        private int _frameMetadata;
        private int _rank;
        private bool _begun;
        private bool _open;
        private TagoTipResult _itemError;

        /// <summary>Creates a writer over a caller-owned buffer.</summary>
        /// <param name="buffer">At least 160 bytes (a header and one small variable); frames use at most 16,384.</param>
        /// <exception cref="ArgumentException"><paramref name="buffer"/> is null or shorter than 160 bytes.</exception>
        public TagoTipWriter(byte[] buffer)
        {
            if (buffer == null || buffer.Length < 160)
            {
                throw new ArgumentException("buffer");
            }

            _buffer = buffer;
            _limit = (buffer.Length < MaxFrameBytes ? buffer.Length : MaxFrameBytes) - 1;
        }

        /// <summary>The buffer the frame is written into.</summary>
        public byte[] Buffer => _buffer;

        /// <summary>Bytes of frame so far, up to the last complete variable (and <c>]</c> once finished).</summary>
        public int Length => _open ? _itemStart : _length;

        /// <summary>Complete variables in the frame.</summary>
        public int VariableCount => _variables;

        /// <summary>True if <paramref name="name"/> is a valid variable, group or metadata-key name: <c>[a-z0-9_]{1,100}</c>.</summary>
        /// <param name="name">The name as UTF-8.</param>
        /// <returns>Whether the writer accepts it.</returns>
        public static bool IsValidName(byte[] name)
        {
            return TagoTipSyntax.IsValidName(name);
        }

        /// <summary>True if <see cref="Unit(TagoTipToken)"/> accepts <paramref name="unit"/> (after dropping <c>°</c>).</summary>
        /// <param name="unit">The unit as UTF-8.</param>
        /// <returns>Whether the writer accepts it.</returns>
        public static bool IsValidUnit(byte[] unit)
        {
            return unit != null && TagoTipSyntax.CopyUnit(unit, null, 0) > 0;
        }

        /// <summary>
        /// Starts a frame: <c>!N|</c>, then <c>@TIME</c> and <c>^GROUP</c> when given. Variables whose time or group
        /// equals these inherit them instead of repeating them.
        /// </summary>
        /// <param name="sequence">The sequence number 0–4,294,967,295, or -1 for none.</param>
        /// <param name="timeUnixMs">The frame's time in Unix milliseconds, or -1 for none.</param>
        /// <param name="group">The frame's group (<c>[a-z0-9_]{1,100}</c>), or null for none.</param>
        /// <returns><see cref="TagoTipResult.Ok"/>, or the problem (then no frame is begun).</returns>
        public TagoTipResult Begin(long sequence, long timeUnixMs, byte[] group)
        {
            _begun = false;
            _open = false;
            _variables = 0;
            _frameMetadata = 0;
            _frameTime = -1;
            _frameGroupLength = 0;
            _length = 0;
            if (sequence < -1 || sequence > 0xFFFFFFFFL || timeUnixMs < -1)
            {
                return TagoTipResult.InvalidTime;
            }

            if (group != null && !IsValidName(group))
            {
                return TagoTipResult.InvalidName;
            }

            int p = 0;
            if (sequence >= 0)
            {
                _buffer[p++] = (byte)'!';
                p = PutDigits(sequence, p);
                _buffer[p++] = (byte)'|';
            }

            if (timeUnixMs >= 0)
            {
                _buffer[p++] = (byte)'@';
                p = PutDigits(timeUnixMs, p);
                _frameTime = timeUnixMs;
            }

            if (group != null)
            {
                _buffer[p++] = (byte)'^';
                Array.Copy(group, 0, _buffer, p, group.Length);
                Array.Copy(group, 0, _frameGroup, 0, group.Length);
                _frameGroupLength = group.Length;
                p += group.Length;
            }

            // At most 12 + 21 + 101 bytes: the constructor's minimum leaves room for them and a variable.
            _length = p;
            _begun = true;
            return TagoTipResult.Ok;
        }

        /// <summary>Adds a <c>key=value</c> pair every variable of the frame inherits; before the first variable only.</summary>
        /// <param name="key">The key, <c>[a-z0-9_]{1,100}</c>.</param>
        /// <param name="value">The value as printable ASCII (escaped as needed), at least one byte.</param>
        /// <returns><see cref="TagoTipResult.Ok"/> or the problem (the frame is unchanged then).</returns>
        public TagoTipResult FrameMetadata(byte[] key, byte[] value)
        {
            if (!_begun || _open || _variables > 0)
            {
                return TagoTipResult.WrongState;
            }

            if (_frameMetadata == MaxMetadataPairs)
            {
                return TagoTipResult.TooManyMetadata;
            }

            int p = TagoTipSyntax.Pair(_frameMetadata == 0 ? (byte)'{' : (byte)',', key, value, _buffer, _length, _limit);
            if (p < 0)
            {
                return (TagoTipResult)(-p);
            }

            _length = p;
            _frameMetadata++;
            return TagoTipResult.Ok;
        }

        /// <summary>Begins a variable. If one is still open it is dropped and nothing new begins.</summary>
        /// <param name="name">The name, checked once by <see cref="TagoTipToken.Name"/>.</param>
        /// <returns><see cref="TagoTipResult.Ok"/> or the problem.</returns>
        public TagoTipResult BeginVariable(TagoTipToken name)
        {
            return Open(name == null ? null : name.Bytes);
        }

        /// <summary>Writes <c>:=</c> and <paramref name="scaled"/>·10^-<paramref name="decimals"/> exactly (how the queue stores readings).</summary>
        /// <param name="scaled">The value times 10^decimals, |scaled| &lt; 2^53.</param>
        /// <param name="decimals">0–6.</param>
        /// <returns><see cref="TagoTipResult.Ok"/> or the problem.</returns>
        public TagoTipResult NumberScaled(long scaled, int decimals)
        {
            TagoTipResult r = Enter(RankValue);
            if (r != TagoTipResult.Ok)
            {
                return r;
            }

            bool negative = scaled < 0;
            ulong magnitude = negative ? (ulong)(-scaled) : (ulong)scaled;
            if (decimals < 0 || decimals > FixedPointFormatter.MaxDecimals || magnitude >= FixedPointFormatter.TwoPow53)
            {
                return Fail(TagoTipResult.InvalidNumber);
            }

            return PutNumber(magnitude, decimals, negative);
        }

        /// <summary>Writes <c>=</c> and a string value, escaped (§4.4).</summary>
        /// <param name="ascii">At least one byte of printable ASCII or LF.</param>
        /// <returns><see cref="TagoTipResult.Ok"/> or the problem.</returns>
        public TagoTipResult Text(byte[] ascii)
        {
            TagoTipResult r = Enter(RankValue);
            if (r != TagoTipResult.Ok)
            {
                return r;
            }

            _buffer[_length] = (byte)'=';
            int p = TagoTipSyntax.Escape(ascii, _buffer, _length + 1, _limit - 1);
            if (p < 0)
            {
                return Fail((TagoTipResult)(-p));
            }

            _length = p;
            _rank = RankValue;
            return TagoTipResult.Ok;
        }

        /// <summary>Writes <c>#unit</c>.</summary>
        /// <param name="unit">The unit, checked once by <see cref="TagoTipToken.Unit"/>.</param>
        /// <returns><see cref="TagoTipResult.Ok"/> or the problem.</returns>
        public TagoTipResult Unit(TagoTipToken unit)
        {
            TagoTipResult r = Enter(RankUnit);
            if (r != TagoTipResult.Ok || unit == null)
            {
                return unit == null ? Fail(TagoTipResult.InvalidUnit) : r;
            }

            byte[] bytes = unit.Bytes;
            if (_length + bytes.Length > _limit)
            {
                return Fail(TagoTipResult.FrameFull);
            }

            Array.Copy(bytes, 0, _buffer, _length, bytes.Length);
            _length += bytes.Length;
            _rank = RankUnit;
            return TagoTipResult.Ok;
        }

        /// <summary>Writes <c>@time</c>, unless it equals the frame's time (then the variable inherits it).</summary>
        /// <param name="unixMs">Unix epoch milliseconds, not negative.</param>
        /// <returns><see cref="TagoTipResult.Ok"/> or the problem.</returns>
        public TagoTipResult Time(long unixMs)
        {
            TagoTipResult r = Enter(RankTime);
            if (r != TagoTipResult.Ok)
            {
                return r;
            }

            if (unixMs < 0)
            {
                return Fail(TagoTipResult.InvalidTime);
            }

            _rank = RankTime;
            if (unixMs == _frameTime)
            {
                return TagoTipResult.Ok;
            }

            if (_length + 21 > _limit)
            {
                return Fail(TagoTipResult.FrameFull);
            }

            _buffer[_length] = (byte)'@';
            _length = PutDigits(unixMs, _length + 1);
            return TagoTipResult.Ok;
        }

        /// <summary>Writes <c>^group</c>, unless it equals the frame's group (then the variable inherits it).</summary>
        /// <param name="group">The group, <c>[a-z0-9_]{1,100}</c>.</param>
        /// <returns><see cref="TagoTipResult.Ok"/> or the problem.</returns>
        public TagoTipResult Group(byte[] group)
        {
            TagoTipResult r = Enter(RankGroup);
            if (r != TagoTipResult.Ok)
            {
                return r;
            }

            if (!IsValidName(group))
            {
                return Fail(TagoTipResult.InvalidName);
            }

            _rank = RankGroup;
            if (SameAsFrameGroup(group))
            {
                return TagoTipResult.Ok;
            }

            if (_length + group.Length + 1 > _limit)
            {
                return Fail(TagoTipResult.FrameFull);
            }

            _buffer[_length] = (byte)'^';
            Array.Copy(group, 0, _buffer, _length + 1, group.Length);
            _length += group.Length + 1;
            return TagoTipResult.Ok;
        }

        /// <summary>Finishes the open variable; returns its first error if it had one (it was rolled back).</summary>
        /// <returns><see cref="TagoTipResult.Ok"/> if the variable is now part of the frame.</returns>
        public TagoTipResult EndVariable()
        {
            if (!_open)
            {
                return TagoTipResult.WrongState;
            }

            TagoTipResult error = _itemError;
            if (error == TagoTipResult.Ok && _rank < RankValue)
            {
                error = Fail(TagoTipResult.FieldOutOfOrder);
            }

            _open = false;
            if (error != TagoTipResult.Ok)
            {
                return error;
            }

            _variables++;
            return TagoTipResult.Ok;
        }

        /// <summary>
        /// Drops a variable still open, closes the list with <c>]</c> (its byte is reserved) and returns the frame's
        /// length; 0 when the frame has no variable (an empty list is invalid, §6.3: send nothing).
        /// </summary>
        /// <returns>The length: publish <see cref="Buffer"/>[0..length).</returns>
        public int Finish()
        {
            if (_open)
            {
                _open = false;
                _length = _itemStart;
            }

            if (!_begun || _variables == 0)
            {
                _begun = false;
                return 0;
            }

            _buffer[_length++] = (byte)']';
            _begun = false;
            return _length;
        }

        private TagoTipResult Open(byte[] name)
        {
            if (!_begun)
            {
                return TagoTipResult.WrongState;
            }

            if (_open)
            {
                return Fail(TagoTipResult.WrongState);
            }

            if (_variables == MaxVariables)
            {
                return TagoTipResult.FrameFull;
            }

            _open = true;
            _itemStart = _length;
            _itemError = TagoTipResult.Ok;
            _rank = RankName;
            if (name == null)
            {
                return Fail(TagoTipResult.InvalidName);
            }

            int p = _length;
            if (p + name.Length + 2 > _limit)
            {
                return Fail(TagoTipResult.FrameFull);
            }

            if (_variables > 0)
            {
                _buffer[p++] = (byte)';';
            }
            else
            {
                // The first variable also closes the frame's metadata block and opens the list.
                if (_frameMetadata > 0)
                {
                    _buffer[p++] = (byte)'}';
                }

                _buffer[p++] = (byte)'[';
            }

            Array.Copy(name, 0, _buffer, p, name.Length);
            _length = p + name.Length;
            return TagoTipResult.Ok;
        }

        private TagoTipResult Enter(int rank)
        {
            if (!_open)
            {
                return TagoTipResult.WrongState;
            }

            if (_itemError != TagoTipResult.Ok)
            {
                return _itemError;
            }

            // Suffixes follow the value, in the order of §6.3.
            return rank <= _rank || (_rank < RankValue && rank > RankValue) ? Fail(TagoTipResult.FieldOutOfOrder) : TagoTipResult.Ok;
        }

        private TagoTipResult Fail(TagoTipResult error)
        {
            _itemError = error;
            _length = _itemStart;
            return error;
        }

        private TagoTipResult PutNumber(ulong scaled, int decimals, bool negative)
        {
            // The JSON writer's formatter: built backwards in a scratch buffer, no length pass.
            byte[] n = _number;
            int i = FixedPointFormatter.Format(scaled, decimals, negative, n);
            int count = n.Length - i;
            if (_length + count + 2 > _limit)
            {
                return Fail(TagoTipResult.FrameFull);
            }

            _buffer[_length] = (byte)':';
            _buffer[_length + 1] = (byte)'=';
            Array.Copy(n, i, _buffer, _length + 2, count);
            _length += count + 2;
            _rank = RankValue;
            return TagoTipResult.Ok;
        }

        /// <summary>Writes the digits of a non-negative value at <paramref name="p"/>; consecutive equal values are formatted once.</summary>
        private int PutDigits(long value, int p)
        {
            if (value != _digitsValue)
            {
                _digitsStart = FixedPointFormatter.WriteDigitsBackwards(_digits, _digits.Length, (ulong)value);
                _digitsValue = value;
            }

            int count = _digits.Length - _digitsStart;
            Array.Copy(_digits, _digitsStart, _buffer, p, count);
            return p + count;
        }

        private bool SameAsFrameGroup(byte[] group)
        {
            return TagoTipSyntax.SameBytes(group, _frameGroup, _frameGroupLength);
        }
    }
}
