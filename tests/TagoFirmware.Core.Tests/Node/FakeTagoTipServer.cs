using System.Collections;
using TagoFirmware.Tests.Payload;
using TagoFirmware.Tests.Session;

namespace TagoFirmware.Tests.Node
{
    /// <summary>
    /// TagoIO's TagoTiP server as the node meets it through the fake MQTT link: answers every frame pushed to
    /// <c>$tip/{serial}/push</c> on <c>$tip/{serial}/ack</c> with <c>!N|OK|n</c> (or a scripted <c>ERR</c>, or nothing),
    /// and closes the connection at its lifetime like TagoIO does.
    /// </summary>
    public sealed class FakeTagoTipServer
    {
        public const string Serial = "node-7";
        public const string Hash = "0123456789abcdef";
        public const string PushTopic = "$tip/node-7/push";
        public const string AckTopic = "$tip/node-7/ack";

        private readonly NodeRig _rig;
        private readonly ArrayList _errors = new ArrayList();
        private int _seen;
        private FakeMqttLink _mqtt;
        private bool _wasConnected;
        private long _connectedAtMs;

        public FakeTagoTipServer(NodeRig rig)
        {
            _rig = rig;
        }

        /// <summary>False: data frames get no receipt (a frozen or lossy server).</summary>
        public bool Answers = true;

        /// <summary>False: diagnostics frames get no receipt either.</summary>
        public bool AnswersDiagnostics = true;

        /// <summary>The connection's lifetime: the server closes it this long after the connect (TagoIO: 10 s).</summary>
        public long LifetimeMs = 10000;

        /// <summary>Every frame pushed, as text, in order.</summary>
        public readonly ArrayList Frames = new ArrayList();

        /// <summary>Connections the server closed at their lifetime.</summary>
        public int LifetimeCloses;

        /// <summary>The next frames are answered <c>!N|ERR|code</c>, one code per frame, in order.</summary>
        public void FailNext(string code)
        {
            _errors.Add(code);
        }

        /// <summary>The sequence number of frame <paramref name="i"/> (its <c>!N</c>), or -1.</summary>
        public long SequenceOf(int i)
        {
            string frame = (string)Frames[i];
            int bar = frame.IndexOf('|');
            return frame.Length > 1 && frame[0] == '!' && bar > 1 ? long.Parse(frame.Substring(1, bar - 1)) : -1;
        }

        /// <summary>True when frame <paramref name="i"/> is a diagnostics frame.</summary>
        public bool IsDiagnostics(int i)
        {
            return ((string)Frames[i]).IndexOf("uptime_s:=") >= 0;
        }

        /// <summary>The index of the first data frame at or after <paramref name="from"/>, or -1.</summary>
        public int DataFrame(int from)
        {
            for (int i = from; i < Frames.Count; i++)
            {
                if (!IsDiagnostics(i))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Variables in frame <paramref name="i"/>.</summary>
        public int VariablesOf(int i)
        {
            string frame = (string)Frames[i];
            return NodeRig.Count(frame, ";") + 1;
        }

        /// <summary>Sends a raw message on the ack topic (a command, a duplicate or stray receipt).</summary>
        public void Send(string message)
        {
            _rig.Mqtt.Deliver(AckTopic, PayloadText.Utf8(message));
        }

        /// <summary>Answers the frames pushed since the last call and closes the connection at its lifetime.</summary>
        public void Pump()
        {
            FakeMqttLink mqtt = _rig.Mqtt;
            if (mqtt != _mqtt)
            {
                // A reboot made a new link.
                _mqtt = mqtt;
                _seen = 0;
                _wasConnected = false;
            }
            bool connected = mqtt.IsConnected;
            if (connected && !_wasConnected)
            {
                _connectedAtMs = _rig.Clock.NowMs;
            }

            _wasConnected = connected;
            for (; _seen < mqtt.Publishes.Count; _seen++)
            {
                PublishRecord p = (PublishRecord)mqtt.Publishes[_seen];
                if (p.Topic != PushTopic)
                {
                    continue;
                }

                Frames.Add(PayloadText.Decode(p.Payload, p.Payload.Length));
                int i = Frames.Count - 1;
                if (_errors.Count > 0)
                {
                    Send("!" + SequenceOf(i).ToString() + "|ERR|" + (string)_errors[0]);
                    _errors.RemoveAt(0);
                }
                else if (IsDiagnostics(i) ? AnswersDiagnostics : Answers)
                {
                    Send("!" + SequenceOf(i).ToString() + "|OK|" + VariablesOf(i).ToString());
                }
            }

            if (connected && _rig.Clock.NowMs - _connectedAtMs >= LifetimeMs)
            {
                LifetimeCloses++;
                mqtt.DropConnection();
                _wasConnected = false;
            }
        }
    }
}
