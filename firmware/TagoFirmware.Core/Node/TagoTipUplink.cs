using TagoFirmware.Config;
using TagoFirmware.Connection;
using TagoFirmware.Platform;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Node
{
    /// <summary>TagoTiP's part of the uplink: short sessions, the sequence counter, receipts, <c>CMD|…</c> as command topics and the no-receipt self-heal.</summary>
    /// <remarks>Session pacing (docs/node-behaviour.md) follows TagoIO's limits: a connection lives 10 s (15 s on Scale), closes after 5 s idle, and
    /// subscriptions are rate-limited per profile (docs/tagotip/servers/rate-limits.md in https://github.com/tago-io/docs).</remarks>
    public sealed class TagoTipUplink
    {
        private const int PushMarginMs = 3000;
        private const int SequenceBlock = 64;

        private readonly SequenceCounter _sequence;
        private readonly IRandomSource _random;
        private readonly ILog _log;
        private readonly string _commandPrefix;
        private readonly long _minSessionMs;
        private readonly long _lifetimeMs;
        private readonly long _ackTimeoutMs;
        private readonly long _rebootAfterMs;
        private long _nextSessionMs;
        private long _sequenceTaken;
        private long _owedSinceMs = -1;
        private bool _counterLogged;
        private readonly bool _volatile;

        /// <summary>Creates the uplink's TagoTiP half.</summary>
        public TagoTipUplink(NodeConfig config, string serial, NodePorts ports)
        {
            _sequence = new SequenceCounter(ports.Sequences, SequenceBlock);
            _volatile = ports.Sequences == null;
            _random = ports.Random;
            _log = ports.Log;
            _commandPrefix = "$tip/" + serial + "/cmd/";
            _minSessionMs = (long)config.Int(ConfigKeys.TagoTipMinSession) * 1000;
            _lifetimeMs = (long)config.Int(ConfigKeys.TagoTipTtl) * 1000;
            _ackTimeoutMs = (long)config.Int(ConfigKeys.TimeoutAck) * 1000;
            _rebootAfterMs = (long)config.Int(ConfigKeys.TimeoutRebootAfter) * 1000;
        }

        /// <summary>The command parser's filter: commands become topics under <c>$tip/{serial}/cmd/</c>.</summary>
        public string CommandFilter => _commandPrefix + "+";

        /// <summary>What the ack topic's messages mean for the frame in flight (counters for logs and tests).</summary>
        public TagoTipReceipts Receipts { get; } = new TagoTipReceipts();

        /// <summary>When the frame in flight stops waiting for its receipt (monotonic ms).</summary>
        public long ReceiptDeadlineMs { get; private set; }

        /// <summary>True once sending stopped for good (protocol mismatch, sequence rejected or exhausted).</summary>
        public bool Stopped => Receipts.Stopped != TagoTipAction.Ignore || _sequence.Exhausted;

        /// <summary>Loads the counter from flash and logs where it stands.</summary>
        public void Load()
        {
            bool found = _sequence.Load();
            Write(_volatile ? LogLevel.Warning : LogLevel.Info, "tagotip: sequence " + (found ? "restored, next " : "starts at ")
                + _sequence.Peek.ToString() + (_volatile ? " (RAM only)" : string.Empty));
        }

        /// <summary>The next <c>!N</c>, or -1 (counter exhausted or its flash write failed: logged once, nothing is sent).</summary>
        public long NextSequence()
        {
            long n = _sequenceTaken = _sequence.Next();
            if (n < 0 && !_counterLogged)
            {
                _counterLogged = true;
                Write(LogLevel.Error, _sequence.Exhausted
                    ? "tagotip: sequence exhausted; sending stopped"
                    : "tagotip: sequence not stored; sending paused");
            }

            return n;
        }

        /// <summary>Records the frame just pushed (with the latest <see cref="NextSequence"/>); its receipt is awaited at most min(ack timeout, lifetime left).</summary>
        public void OnPushed(long nowMs, long connectedAtMs, int variables, int cycles)
        {
            Receipts.OnSent(_sequenceTaken, variables, cycles);
            ReceiptDeadlineMs = NodeWiring.Min(nowMs + _ackTimeoutMs, connectedAtMs + _lifetimeMs);
        }

        /// <summary>A <c>CMD|…</c> message as a topic under <c>$tip/{serial}/cmd/</c> for the command processor, and its value.</summary>
        public string Command(byte[] payload, out byte[] value)
        {
            int at;
            int length;
            string topic = Receipts.CommandTopic(_commandPrefix, payload, out at, out length);
            value = new byte[length];
            System.Array.Copy(payload, at, value, 0, length);

            // A name the parser cannot run still reaches it (under "?") so it is refused and counted there.
            return topic != null ? topic : _commandPrefix + "?";
        }

        /// <summary>What a receipt means for the session once the publisher settled its frame: health, LED, session end, log.</summary>
        public void OnReceipt(TagoTipAction action, long nowMs, ConnectionSupervisor link)
        {
            switch (action)
            {
                case TagoTipAction.Delivered:
                case TagoTipAction.DeliveredCountMismatch:
                    _owedSinceMs = nowMs;
                    link.ShowUplinkHealth(NodeStatus.Online);
                    if (action == TagoTipAction.DeliveredCountMismatch)
                    {
                        Write(LogLevel.Warning, "tagotip: OK|n differs from variables sent");
                    }

                    break;
                case TagoTipAction.Quarantine:
                    Write(LogLevel.Error, "tagotip: a cycle refused alone dropped, " + Receipts.Quarantined.ToString() + " so far");
                    break;
                case TagoTipAction.CredentialFailure:
                    link.EndSessionCredentialsRefused(nowMs, "invalid_token or device_not_found");
                    break;
                case TagoTipAction.BackOff:
                    link.EndSessionRateLimited(nowMs);
                    break;
                case TagoTipAction.RetryLater:
                    link.EndSession("server error");
                    link.ShowUplinkHealth(NodeStatus.NoBroker);
                    break;
                case TagoTipAction.SessionEnd:
                    link.EndSession("server's limit");
                    break;
                case TagoTipAction.ProtocolMismatch:
                case TagoTipAction.SequenceRejected:
                    link.EndSession("sending stopped");
                    link.ShowUplinkHealth(NodeStatus.ConfigInvalid);
                    Write(LogLevel.Error, action == TagoTipAction.ProtocolMismatch ? "tagotip: protocol mismatch; sending stopped"
                        : "tagotip: sequence refused 32 times; sending stopped");
                    break;
                case TagoTipAction.JumpSequence:
                    if (!_sequence.Advance(Receipts.SequenceJump))
                    {
                        NextSequence();
                    }

                    Write(LogLevel.Warning, "tagotip: invalid_seq: next " + _sequence.Peek.ToString());
                    break;
            }
        }

        /// <summary>Set when no receipt came for <c>timeouts.reboot_after_s</c> while data was due: the node reboots.</summary>
        public RebootReason RebootRequested { get; private set; }

        /// <summary>Opens a session when <paramref name="work"/> is due, gives up a late receipt, ends an idle one, lowers <paramref name="due"/>; 1: push now, 0: not now, -1: the frame in flight went unanswered.</summary>
        public int StepSession(long nowMs, ConnectionSupervisor link, bool work, uint wait, ref long due)
        {
            bool inFlight = Receipts.InFlight;
            work = work && !Stopped;
            // Self-heal: data owed an OK receipt for timeouts.reboot_after_s (0 disables it) reboots the node.
            _owedSinceMs = !(work || inFlight) ? -1 : _owedSinceMs < 0 ? nowMs : _owedSinceMs;
            if (_owedSinceMs >= 0 && _rebootAfterMs > 0 && nowMs - _owedSinceMs >= _rebootAfterMs && RebootRequested == RebootReason.None)
            {
                RebootRequested = RebootReason.NoAckTimeout;
                Write(LogLevel.Error, "self-heal: no receipt for " + (nowMs - _owedSinceMs).ToString() + " ms; rebooting");
            }

            bool online = link.IsOnline;
            if (inFlight && (!online || nowMs >= ReceiptDeadlineMs))
            {
                if (online)
                {
                    link.EndSession("no receipt in time");
                }

                link.ShowUplinkHealth(NodeStatus.NoBroker);
                return -1;
            }

            if (!online)
            {
                if (work && wait == 0 && !link.SessionWanted && link.State != SessionState.Subscribing && link.State != SessionState.MqttConnecting)
                {
                    if (nowMs >= _nextSessionMs)
                    {
                        _nextSessionMs = nowMs + _minSessionMs + _random.Next((int)(_minSessionMs / 10) + 1);
                        link.OpenSession();
                        due = nowMs;
                    }
                    else
                    {
                        due = _nextSessionMs;
                    }
                }
                else if (work && wait != 0 && wait != uint.MaxValue)
                {
                    due = nowMs + wait;
                }

                return 0;
            }

            if (inFlight)
            {
                due = ReceiptDeadlineMs;
                return 0;
            }

            if (!work || nowMs >= link.ConnectedAtMs + _lifetimeMs - PushMarginMs)
            {
                link.EndSession(work ? "lifetime nearly over" : "nothing due");
                return 0;
            }

            return 1;
        }

        private void Write(LogLevel level, string message) => NodeWiring.Write(_log, level, message);
    }
}
