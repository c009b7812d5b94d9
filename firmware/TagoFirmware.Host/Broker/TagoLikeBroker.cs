using System;
using System.Security.Cryptography;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace TagoFirmware.Host.Broker
{
    /// <summary>In-process broker like TagoIO's legacy MQTT one: TLS on 127.0.0.1, user <c>Token</c>, QoS 0/1, no retain.</summary>
    /// <remarks>A retained or QoS 2 publish closes the connection unacknowledged, as mosquitto with <c>retain_available false</c>/
    /// <c>max_qos 1</c>. Payloads are printed like TagoIO's Live Inspector.</remarks>
    public sealed class TagoLikeBroker : EmbeddedBroker
    {
        /// <summary>The generated device token (the MQTT password the broker accepts).</summary>
        public string Token { get; private set; }
        /// <summary>Refuse a bad token by closing without a CONNACK (as TagoIO's self-hostable broker does) instead of CONNACK 4.</summary>
        public bool RefuseByClosing { get; set; }

        /// <summary>Redacts a secret for display: keeps 4 leading characters (of a long one) and the length.</summary>
        public static string Redact(string secret) => string.IsNullOrEmpty(secret) ? "(none)"
            : (secret.Length > 8 ? secret.Substring(0, 4) : string.Empty) + "…(" + secret.Length + " chars)";

        /// <summary>Called with the topic and payload of every accepted publish (on a broker thread), for measurements.</summary>
        public Action<string, byte[]> Received { get; set; }

        /// <summary>Starts the broker on a free loopback port with a new CA and a <paramref name="token"/> (null: a random 32-hex one); notes go to <paramref name="print"/>.</summary>
        public static async Task<TagoLikeBroker> StartAsync(Action<string> print, string token = null)
        {
            var broker = new TagoLikeBroker { Token = token ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant() };
            MqttServer server = broker.CreateServer("TagoFirmware twin CA", "[broker] ", print);
            server.InterceptingPublishAsync += broker.OnInterceptingPublish;
            await server.StartAsync().ConfigureAwait(false);
            return broker;
        }

        /// <inheritdoc />
        protected override string Refusal(ValidatingConnectionEventArgs args)
        {
            // TagoIO: user name "Token", password = device token. MQTT 3.1.1 CONNACK 4 / MQTT 5 0x86.
            bool accepted = args.UserName == "Token" && args.Password == Token;
            if (!accepted && RefuseByClosing)
            {
                // A throwing validator makes MQTTnet drop the connection without any CONNACK.
                Print("[broker] closed " + args.ClientId + ": bad user name or token (no CONNACK)");
                throw new InvalidOperationException("refused by closing");
            }

            return accepted ? null : "bad user name or token";
        }

        private Task OnInterceptingPublish(InterceptingPublishEventArgs args)
        {
            MqttApplicationMessage message = args.ApplicationMessage;
            if (message.Retain || message.QualityOfServiceLevel == MqttQualityOfServiceLevel.ExactlyOnce)
            {
                // A strict broker drops the connection and sends no PUBACK (mosquitto retain_available false / max_qos 1).
                args.ProcessPublish = false;
                args.CloseConnection = true;
                Print("[broker] dropped " + args.ClientId + ": " + (message.Retain ? "retained publish" : "QoS 2 publish") + " is not supported");
                return Task.CompletedTask;
            }

            byte[] payload = System.Buffers.BuffersExtensions.ToArray(message.Payload);
            Received?.Invoke(message.Topic, payload);
            Array.ForEach(LiveInspectorFormatter.Format(message.Topic, payload), Print);

            return Task.CompletedTask;
        }
    }
}
