using System;
using System.Collections.Generic;
using System.Globalization;

namespace TagoFirmware.Host.TagoTip
{
    /// <summary>Judges pushes as a TagoTiP server does (TagoTiP 1.0 §4.3, §4.5, §9, §10.2); thread-safe.</summary>
    /// <remarks>Size, device, <c>!N</c> above the serial's last, the frame through the independent parser, an injected fault
    /// (an ERR code, not stored, or <c>lost</c>: stored, no receipt), else <c>OK|n</c>; the push's <c>!N</c> is echoed.</remarks>
    public sealed class TagoTipFrameJudge
    {
        private readonly object _gate = new object();
        private readonly HashSet<string> _serials;
        private readonly Dictionary<string, long> _lastSequence = new Dictionary<string, long>(StringComparer.Ordinal);
        private readonly (string Kind, double Probability)? _fault;
        private readonly Random _random;

        /// <summary>Creates a judge of the profile's <paramref name="serials"/> (null: any serial) with an optional fault and its dice's seed.</summary>
        public TagoTipFrameJudge(IEnumerable<string> serials, (string Kind, double Probability)? fault, int seed)
        {
            _serials = serials == null ? null : new HashSet<string>(serials, StringComparer.Ordinal);
            _fault = fault;
            _random = new Random(seed);
        }

        /// <summary>The fault kinds accepted by <see cref="TryParseFault"/>.</summary>
        public static readonly string[] FaultKinds = { "rate_limited", "server_error", "invalid_seq", "invalid_payload", "lost" };

        /// <summary>Frames stored.</summary>
        public int FramesStored { get; private set; }
        /// <summary>Data points stored.</summary>
        public int PointsStored { get; private set; }
        /// <summary>True if <paramref name="serial"/> is a device of the profile.</summary>
        public bool IsDevice(string serial) => _serials == null ? serial != null : _serials.Contains(serial);

        /// <summary>Judges one push on <c>$tip/{serial}/push</c>: the parsed frame with its receipt and whether it was stored.</summary>
        public TagoTipPush Judge(string serial, byte[] payload)
        {
            TagoTipPush push = TagoTipPush.Parse(payload);
            lock (_gate)
            {
                string error = push.Error == "payload_too_large" ? push.Error : !IsDevice(serial) ? "device_not_found"
                    : push.Sequence <= _lastSequence.GetValueOrDefault(serial, -1) ? "invalid_seq" : null;
                if (error == null && push.Sequence.HasValue)
                {
                    _lastSequence[serial] = push.Sequence.Value;
                }

                push.Error = error ?? push.Error ?? (_fault != null && _random.NextDouble() < _fault.Value.Probability ? _fault.Value.Kind : null);
                if (push.Stored)
                {
                    FramesStored++;
                    PointsStored += push.Points.Count;
                }

                return push;
            }
        }

        /// <summary>Parses <c>KIND[:P]</c> (P defaults to 1), e.g. <c>server_error:0.2</c>; false when invalid.</summary>
        public static bool TryParseFault(string text, out (string Kind, double Probability) fault)
        {
            string[] parts = (text ?? string.Empty).Split(':', 2);
            fault = (parts[0], 1);
            return Array.IndexOf(FaultKinds, fault.Kind) >= 0 && (parts.Length == 1
                || (double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out fault.Probability) && fault.Probability is >= 0 and <= 1));
        }
    }
}
