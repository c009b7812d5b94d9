using System;
using System.Collections.Generic;

namespace TagoFirmware.Host.TagoTip
{
    /// <summary>
    /// Judges pushes as a TagoTiP server does (TagoTiP 1.0 §4.3, §4.5, §9, §10.2, https://github.com/tago-io/tagotip),
    /// for the twin's embedded server and the receipt responder used with external brokers: size, device, sequence
    /// (strictly above the last one seen for the serial), the frame through the independent parser, then an injected
    /// fault if any, and finally <c>OK|n</c>. The <c>!N</c> of the push is echoed. Thread-safe.
    /// </summary>
    public sealed class TagoTipFrameJudge
    {
        private readonly object _gate = new object();
        private readonly HashSet<string> _serials;
        private readonly Dictionary<string, long> _lastSequence = new Dictionary<string, long>(StringComparer.Ordinal);
        private readonly TagoTipFault _fault;
        private readonly Random _random;

        /// <summary>Creates a judge.</summary>
        /// <param name="serials">The profile's device serials, or null to accept any serial (external brokers).</param>
        /// <param name="fault">A fault to inject, or null.</param>
        /// <param name="seed">Seed of the fault's dice.</param>
        public TagoTipFrameJudge(IEnumerable<string> serials, TagoTipFault fault, int seed)
        {
            _serials = serials == null ? null : new HashSet<string>(serials, StringComparer.Ordinal);
            _fault = fault;
            _random = new Random(seed);
        }

        /// <summary>Frames stored.</summary>
        public int FramesStored { get; private set; }

        /// <summary>Data points stored.</summary>
        public int PointsStored { get; private set; }

        /// <summary>Frames refused (ERR answers, injected ones included).</summary>
        public int FramesRefused { get; private set; }

        /// <summary>Faults injected.</summary>
        public int FaultsInjected { get; private set; }

        /// <summary>When false, <c>!N</c> is not checked (TagoIO checks it only when "configured to enforce", §10.2).</summary>
        public bool EnforceSequence { get; set; } = true;

        /// <summary>True if <paramref name="serial"/> is a device of the profile.</summary>
        /// <param name="serial">The serial.</param>
        /// <returns>Whether pushes for it are accepted.</returns>
        public bool IsDevice(string serial)
        {
            return _serials == null ? serial != null : _serials.Contains(serial);
        }

        /// <summary>Judges one push for <paramref name="serial"/>.</summary>
        /// <param name="serial">The serial of the push topic.</param>
        /// <param name="payload">The MQTT payload.</param>
        /// <returns>The receipt and what was stored.</returns>
        public TagoTipVerdict Judge(string serial, byte[] payload)
        {
            TagoTipPush push = TagoTipFrameParser.Parse(payload);
            string prefix = push.Sequence.HasValue ? "!" + push.Sequence.Value + "|" : string.Empty;
            var verdict = new TagoTipVerdict { Push = push };
            lock (_gate)
            {
                string error = push.Error == "payload_too_large" ? push.Error : !IsDevice(serial) ? "device_not_found" : null;
                if (error == null && EnforceSequence && push.Sequence.HasValue)
                {
                    if (_lastSequence.TryGetValue(serial, out long last) && push.Sequence.Value <= last)
                    {
                        error = "invalid_seq";
                    }
                    else
                    {
                        _lastSequence[serial] = push.Sequence.Value;
                    }
                }

                error ??= push.Error;
                if (error == null && _fault != null && _random.NextDouble() < _fault.Probability)
                {
                    FaultsInjected++;
                    if (_fault.LosesReceipt)
                    {
                        Store(push);
                        verdict.Stored = true;
                        return verdict;
                    }

                    error = _fault.Kind;
                }

                if (error != null)
                {
                    FramesRefused++;
                    verdict.Ack = prefix + "ERR|" + error;
                    return verdict;
                }

                Store(push);
                verdict.Stored = true;
                verdict.Ack = prefix + "OK|" + push.Points.Count;
                return verdict;
            }
        }

        private void Store(TagoTipPush push)
        {
            FramesStored++;
            PointsStored += push.Points.Count;
        }
    }
}
