namespace TagoFirmware.Gates.Tests.Metadata
{
    /// <summary>One construct the device cannot run, with the place it was found.</summary>
    /// <param name="Kind">What is wrong.</param>
    /// <param name="Location">Where: the type, member, signature part or IL offset and opcode.</param>
    /// <param name="Detail">The offending type or member, decoded.</param>
    public sealed record Finding(ViolationKind Kind, string Location, string Detail)
    {
        /// <inheritdoc />
        public override string ToString() => $"{Kind} at {Location}: {Detail}";
    }
}
