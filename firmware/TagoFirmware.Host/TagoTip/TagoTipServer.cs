using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using TagoFirmware.Host.Broker;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Host.TagoTip
{
    /// <summary>In-process broker like TagoIO's TagoTiP MQTT endpoint (https://github.com/tago-io/docs: docs/tagotip/transports/mqtt.md,
    /// servers/rate-limits.md).</summary>
    /// <remarks>The hash's halves as user name and password; pushes on <c>$tip/{serial}/push</c> answered on <c>$tip/{serial}/ack</c>
    /// by <see cref="TagoTipFrameJudge"/>; connections closed at their lifetime and when idle (<c>ERR|ttl_expired</c>,
    /// <c>ERR|keep_alive_timeout</c>); subscriptions rate-limited; faults injectable.</remarks>
    public sealed class TagoTipServer : EmbeddedBroker
    {
        private const string SenderId = "$tagotip-server";
        private const int SubscriptionsPerConnection = 5;

        private readonly List<DateTime> _subscriptionRequests = new List<DateTime>();
        private Timer _reaper;
        private TagoTipCredentials _credentials;

        /// <summary>The device serial accepted.</summary>
        public string Serial { get; set; }
        /// <summary>The authorization hash accepted (secret: never printed); null before the start generates one.</summary>
        public string Hash { get; set; }
        /// <summary>Connection lifetime in seconds (TagoIO Free/Starter 10, Scale 15; TagoIO docs, rate-limits.md).</summary>
        public double LifetimeSeconds { get; set; } = 10;
        /// <summary>Idle seconds after which the connection is closed.</summary>
        public double IdleSeconds { get; set; } = 5;
        /// <summary>Subscription requests per minute for the profile (Free 5, Starter 50, Scale 100).</summary>
        public int SubscriptionsPerMinute { get; set; } = 5;
        /// <summary>A fault to inject into receipts, or null.</summary>
        public (string Kind, double Probability)? Fault { get; set; }
        /// <summary>Seed for the fault's dice.</summary>
        public int Seed { get; set; } = 1;
        /// <summary>True (default) for a TLS listener; false for plain TCP.</summary>
        public bool Tls { get; set; } = true;
        /// <summary>The judge: stored frames and points, refusals, faults.</summary>
        public TagoTipFrameJudge Judge { get; private set; }

        /// <summary>Starts the server on a free loopback port and returns it; Live Inspector lines and notes go to <paramref name="print"/>.</summary>
        public async Task<TagoTipServer> StartAsync(Action<string> print)
        {
            Hash = (Hash ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(8))).ToLowerInvariant();
            _credentials = TagoTipCredentials.Create(Serial, Hash) ?? throw new ArgumentException("the serial must be 1-100 of [A-Za-z0-9_-] and the hash 16 hex characters");

            Judge = new TagoTipFrameJudge(new[] { Serial }, Fault, Seed);
            MqttServer server = CreateServer(Tls ? "TagoFirmware twin TagoTiP CA" : null, "[tagotip] ", print);
            server.ClientConnectedAsync += args =>
            {
                args.SessionItems[typeof(Connection)] = new Connection();
                return Task.CompletedTask;
            };
            server.InterceptingSubscriptionAsync += OnSubscribing;
            server.InterceptingPublishAsync += OnPublishing;
            await server.StartAsync().ConfigureAwait(false);
            _reaper = new Timer(_ => _ = ReapAsync(), null, 100, 100);
            return this;
        }

        /// <inheritdoc />
        protected override string Refusal(ValidatingConnectionEventArgs args)
            => string.Equals(args.UserName, _credentials.UserName, StringComparison.OrdinalIgnoreCase)
                && string.Equals(args.Password, _credentials.Password, StringComparison.OrdinalIgnoreCase)
                ? null : "the user name and password are not this profile's authorization hash";

        private Task OnSubscribing(InterceptingSubscriptionEventArgs args)
        {
            string topic = args.TopicFilter.Topic, serial = SerialOf(topic, "/ack");
            var c = args.SessionItems[typeof(Connection)] as Connection;
            string problem = !WithinRate() ? "subscription rate limit (" + SubscriptionsPerMinute + " a minute)"
                : !Judge.IsDevice(serial) ? "not the ack topic of a device of this profile"
                : c != null && Interlocked.Increment(ref c.Subscriptions) > SubscriptionsPerConnection ? "more than " + SubscriptionsPerConnection + " subscriptions on one connection"
                : null;
            if (problem == null)
            {
                c?.Serial = serial;
            }
            else
            {
                args.ProcessSubscription = false;
                args.Response.ReasonCode = MqttSubscribeReasonCode.QuotaExceeded;
                Print("[tagotip] refused subscription of " + args.ClientId + " to " + topic + ": " + problem);
            }

            return Task.CompletedTask;
        }

        // A sliding minute over every subscription request, refused ones included.
        private bool WithinRate()
        {
            lock (_subscriptionRequests)
            {
                DateTime now = DateTime.UtcNow;
                _subscriptionRequests.RemoveAll(t => now - t > TimeSpan.FromMinutes(1));
                _subscriptionRequests.Add(now);
                return _subscriptionRequests.Count <= SubscriptionsPerMinute;
            }
        }

        private Task OnPublishing(InterceptingPublishEventArgs args)
        {
            if (args.ClientId == SenderId)
            {
                // Our own receipts and commands go out to the subscribers.
                return Task.CompletedTask;
            }

            // Device publishes are consumed here; nothing is forwarded (the broker keeps no retained or offline messages).
            args.ProcessPublish = false;
            string serial = SerialOf(args.ApplicationMessage.Topic, "/push");
            if (serial == null)
            {
                return Task.CompletedTask;
            }

            TagoTipPush verdict = Judge.Judge(serial, System.Buffers.BuffersExtensions.ToArray(args.ApplicationMessage.Payload));
            if (verdict.Stored)
            {
                verdict.Points.ForEach(point => Print(LiveInspectorFormatter.Format(serial, point)));
            }

            if (verdict.Ack != null)
            {
                if (!verdict.Stored)
                {
                    Print("[tagotip] " + serial + " <- " + verdict.Ack);
                }

                _ = SendAckAsync(serial, verdict.Ack);
            }

            return Task.CompletedTask;
        }

        private Task SendAckAsync(string serial, string text)
        {
            MqttApplicationMessage message = new MqttApplicationMessageBuilder()
                .WithTopic("$tip/" + serial + "/ack")
                .WithPayload(Encoding.UTF8.GetBytes(text))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            return Server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = SenderId }, CancellationToken.None);
        }

        // Every 100 ms: closes the connections past their lifetime or idle too long, once each.
        // MQTTnet's statistics (UTC) count every inbound packet as activity, PINGREQ included.
        private async Task ReapAsync()
        {
            DateTime now = DateTime.UtcNow;
            IList<MqttClientStatus> clients;
            try
            {
                clients = await Server.GetClientsAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                return; // a tick that raced the server's disposal
            }

            foreach (MqttClientStatus client in clients)
            {
                string reason = now - client.ConnectedTimestamp >= TimeSpan.FromSeconds(LifetimeSeconds) ? "ttl_expired"
                    : now - client.LastPacketReceivedTimestamp >= TimeSpan.FromSeconds(IdleSeconds) ? "keep_alive_timeout" : null;
                if (reason != null && client.Session.Items[typeof(Connection)] is Connection c && Interlocked.Exchange(ref c.Closing, 1) == 0)
                {
                    _ = CloseAsync(client.Id, c.Serial, reason);
                }
            }
        }

        private async Task CloseAsync(string clientId, string serial, string reason)
        {
            try
            {
                // The close is announced on the ack topic the connection subscribed to, then done.
                if (serial != null)
                {
                    await SendAckAsync(serial, "ERR|" + reason).ConfigureAwait(false);
                }

                await Task.Delay(50).ConfigureAwait(false);
                await Server.DisconnectClientAsync(clientId, new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.NormalDisconnection }).ConfigureAwait(false);
                Print("[tagotip] closed " + clientId + ": " + reason);
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is ObjectDisposedException || ex is MQTTnet.Exceptions.MqttCommunicationException)
            {
                // The client left first.
            }
        }

        /// <inheritdoc />
        public override async ValueTask DisposeAsync()
        {
            await (_reaper?.DisposeAsync() ?? ValueTask.CompletedTask).ConfigureAwait(false);
            await base.DisposeAsync().ConfigureAwait(false);
        }

        // The serial of $tip/{serial}{suffix}, or null.
        private static string SerialOf(string topic, string suffix)
            => topic != null && topic.Length > 5 + suffix.Length && topic.StartsWith("$tip/", StringComparison.Ordinal) && topic.EndsWith(suffix, StringComparison.Ordinal)
                ? topic.Substring(5, topic.Length - 5 - suffix.Length) : null;

        private sealed class Connection
        {
            public int Subscriptions;
            public int Closing;
            public string Serial;
        }
    }
}
