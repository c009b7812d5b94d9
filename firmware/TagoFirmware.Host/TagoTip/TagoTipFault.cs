using System;
using System.Globalization;

namespace TagoFirmware.Host.TagoTip
{
    /// <summary>
    /// A fault the twin's TagoTiP server injects into receipts of valid frames with a probability: an ERR code
    /// (<c>rate_limited</c>, <c>server_error</c>, <c>invalid_seq</c>, <c>invalid_payload</c>; not stored) or <c>lost</c>
    /// (stored, receipt never sent).
    /// </summary>
    /// <param name="Kind">The fault's kind, one of <see cref="Kinds"/>.</param>
    /// <param name="Probability">Chance per valid frame, 0–1.</param>
    public sealed record TagoTipFault(string Kind, double Probability)
    {
        /// <summary>The kinds accepted by <see cref="TryParse"/>.</summary>
        public static readonly string[] Kinds = { "rate_limited", "server_error", "invalid_seq", "invalid_payload", "lost" };

        /// <summary>Parses <c>KIND[:P]</c> (P defaults to 1), e.g. <c>server_error:0.2</c>; false (fault null) when invalid.</summary>
        public static bool TryParse(string text, out TagoTipFault fault)
        {
            fault = null;
            int colon = text == null ? -1 : text.IndexOf(':');
            string kind = colon < 0 ? text : text.Substring(0, colon);
            double probability = 1;
            if (Array.IndexOf(Kinds, kind) < 0
                || (colon >= 0 && (!double.TryParse(text.Substring(colon + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out probability)
                    || !(probability >= 0 && probability <= 1))))
            {
                return false;
            }

            fault = new TagoTipFault(kind, probability);
            return true;
        }
    }
}
