using System.Collections.Generic;

namespace TagoFirmware.Gates.Tests.Metadata
{
    /// <summary>What the metadata scanner checks beyond the always-on generic and array-shape rules.</summary>
    public sealed class ScanOptions
    {
        /// <summary>
        /// Also report arrays whose element type is a non-primitive value type. On for the core: nanoCLR boxes every
        /// struct element of an array, so such arrays cost one heap object per element.
        /// </summary>
        public bool ReportArraysOfStructs { get; set; }

        /// <summary>
        /// Also report null and array custom-attribute arguments (<see cref="AttributeArguments"/>), and string literals or
        /// string attribute arguments holding U+0000 or a lone surrogate. On for every device assembly: the
        /// MetadataProcessor crashes on the first, the nanoCLR cannot read the second, device strings cannot hold the last.
        /// </summary>
        public bool ReportAttributeNullsAndArrays { get; set; } = true;

        /// <summary>
        /// Also report <c>double.ToString</c>/<c>float.ToString</c> calls and boxed doubles/floats. On for the core and the
        /// app, whose text (logs, config echo, payloads) users see; tests may format doubles for their own messages.
        /// </summary>
        public bool ReportFloatingPointText { get; set; }

        /// <summary>Directories holding the referenced assemblies (mscorlib, the reference surface), for IL type tokens.</summary>
        public IList<string> ReferenceDirectories { get; } = new List<string>();
    }
}
