namespace TagoFirmware.TagoTip
{
    /// <summary>
    /// Outcome of a <see cref="TagoTipWriter"/> call. Anything but <see cref="Ok"/> means the open variable was
    /// refused and rolled back: the frame is exactly as after the last complete variable.
    /// </summary>
    public enum TagoTipResult
    {
        /// <summary>The call succeeded.</summary>
        Ok = 0,

        /// <summary>A variable, group or metadata-key name is not <c>[a-z0-9_]</c>, 1–100 bytes (TagoTiP §4.5.1).</summary>
        InvalidName = 1,

        /// <summary>A number is NaN or infinite, its decimals are outside 0–6, or it needs 2^53 or more.</summary>
        InvalidNumber = 2,

        /// <summary>A string or metadata value is empty, or holds a byte that is not printable ASCII or LF.</summary>
        InvalidText = 3,

        /// <summary>A unit is empty, longer than 25 bytes, or holds a structural or non-ASCII byte (°C becomes C).</summary>
        InvalidUnit = 4,

        /// <summary>A time is negative, or a sequence number is outside 0–4,294,967,295.</summary>
        InvalidTime = 5,

        /// <summary>A variable or frame metadata block would hold more than 32 pairs (TagoTiP §4.5.1).</summary>
        TooManyMetadata = 6,

        /// <summary>A field came twice, out of order (value, unit, time, group, metadata), or is missing its value.</summary>
        FieldOutOfOrder = 7,

        /// <summary>A call needs an open variable, a begun frame, or no open variable.</summary>
        WrongState = 8,

        /// <summary>
        /// The variable does not fit this frame (bytes, 100 variables or 512 metadata pairs): finish and publish the
        /// frame, begin a new one and write the variable again. Batches are split, never truncated.
        /// </summary>
        FrameFull = 9,
    }
}
