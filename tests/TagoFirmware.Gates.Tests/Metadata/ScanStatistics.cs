namespace TagoFirmware.Gates.Tests.Metadata
{
    /// <summary>How much a scan looked at, so a gate run can show it checked something.</summary>
    public sealed class ScanStatistics
    {
        /// <summary>Type definitions scanned.</summary>
        public int Types { get; set; }

        /// <summary>Method definitions scanned (signatures).</summary>
        public int Methods { get; set; }

        /// <summary>Method bodies whose IL was decoded.</summary>
        public int MethodBodies { get; set; }

        /// <summary>IL instructions decoded.</summary>
        public int Instructions { get; set; }

        /// <summary>Metadata token operands checked (type, method, field, signature tokens).</summary>
        public int TokenOperands { get; set; }

        /// <summary>Custom attributes checked.</summary>
        public int Attributes { get; set; }

        /// <inheritdoc />
        public override string ToString()
            => $"{Types} types, {Methods} methods, {MethodBodies} method bodies, {Instructions} IL instructions, {TokenOperands} token operands, {Attributes} attributes";
    }
}
