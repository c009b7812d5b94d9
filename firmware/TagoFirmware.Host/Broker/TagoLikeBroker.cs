using System;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using TagoFirmware.Host.Tls;

namespace TagoFirmware.Host.Broker
{
    /// <summary>
    /// In-process broker that behaves like TagoIO's legacy MQTT broker as far as a node can tell: TLS on 127.0.0.1,
    /// user name <c>Token</c> with one device token, QoS 0/1, no retained messages (a retained or QoS 2 publish closes
    /// the connection unacknowledged, as mosquitto with <c>retain_available false</c>/<c>max_qos 1</c>). Payloads are
    /// printed like TagoIO's Live Inspector.
    /// </summary>
    public sealed class TagoLikeBroker : IAsyncDisposable
    {
        private readonly Action<string> _print;
        private MqttServer _server;
        private int _dataPayloads;
        private int _refusedConnects;
        private int _droppedForPolicy;

        private TagoLikeBroker(Action<string> print) => _print = print ?? (_ => { });

        /// <summary>Loopback port the TLS listener is bound to.</summary>
        public int Port { get; private set; }
        /// <summary>Host clients must use (the certificate names 127.0.0.1 and localhost).</summary>
        public string Host => "127.0.0.1";
        /// <summary>The generated device token (the MQTT password the broker accepts).</summary>
        public string Token { get; private set; }
        /// <summary>PEM text of the generated CA that signed the broker certificate.</summary>
        public string CaPem { get; private set; }
        /// <summary>Number of publishes received (all topics).</summary>
        public int PayloadsReceived => Volatile.Read(ref _dataPayloads);
        /// <summary>Number of CONNECTs refused for bad credentials.</summary>
        public int RefusedConnects => Volatile.Read(ref _refusedConnects);
        /// <summary>Refuse a bad token by closing without a CONNACK (as TagoIO's self-hostable broker does) instead of CONNACK 4.</summary>
        public bool RefuseByClosing { get; set; }
        /// <summary>Number of connections closed for a retained or QoS 2 publish.</summary>
        public int DroppedForPolicy => Volatile.Read(ref _droppedForPolicy);
        /// <summary>Token shown redacted: first 4 characters and the length.</summary>
        public string RedactedToken => Redact(Token);

        /// <summary>Redacts a secret for display: keeps 4 leading characters (of a long one) and the length.</summary>
        public static string Redact(string secret) => string.IsNullOrEmpty(secret) ? "(none)"
            : (secret.Length > 8 ? secret.Substring(0, 4) : string.Empty) + "…(" + secret.Length + " chars)";

        /// <summary>Called with the topic and payload of every accepted publish (on a broker thread), for measurements.</summary>
        public Action<string, byte[]> Received { get; set; }

        /// <summary>Starts the broker on a free loopback port with a new CA and a <paramref name="token"/> (null: a random 32-hex one); notes go to <paramref name="print"/>.</summary>
        public static async Task<TagoLikeBroker> StartAsync(Action<string> print, string token = null)
        {
            var broker = new TagoLikeBroker(print) { Token = token ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(), Port = FreeLoopbackPort() };
            broker._server = CreateServer("TagoFirmware twin CA", broker.Port, out string caPem);
            broker.CaPem = caPem;
            broker._server.ValidatingConnectionAsync += broker.OnValidatingConnection;
            broker._server.InterceptingPublishAsync += broker.OnInterceptingPublish;
            broker._server.ClientDisconnectedAsync += args =>
            {
                broker._print("[broker] " + args.ClientId + " disconnected (" + args.DisconnectType + ")");
                return Task.CompletedTask;
            };
            await broker._server.StartAsync().ConfigureAwait(false);
            return broker;
        }

        /// <summary>A TCP port free on 127.0.0.1 right now (then handed to MQTTnet: a tiny race, fine for a test broker).</summary>
        public static int FreeLoopbackPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private Task OnValidatingConnection(ValidatingConnectionEventArgs args)
        {
            // TagoIO: user name "Token", password = device token. MQTT 3.1.1 CONNACK 4 / MQTT 5 0x86.
            if (args.UserName != "Token" || args.Password != Token)
            {
                Interlocked.Increment(ref _refusedConnects);
                if (RefuseByClosing)
                {
                    // A throwing validator makes MQTTnet drop the connection without any CONNACK.
                    _print("[broker] closed " + args.ClientId + ": bad user name or token (no CONNACK)");
                    throw new InvalidOperationException("refused by closing");
                }

                args.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
                _print("[broker] refused " + args.ClientId + ": bad user name or token");
                return Task.CompletedTask;
            }

            args.ReasonCode = MqttConnectReasonCode.Success;
            _print("[broker] " + args.ClientId + " connected");
            return Task.CompletedTask;
        }

        private Task OnInterceptingPublish(InterceptingPublishEventArgs args)
        {
            MqttApplicationMessage message = args.ApplicationMessage;
            if (message.Retain || message.QualityOfServiceLevel == MqttQualityOfServiceLevel.ExactlyOnce)
            {
                // A strict broker drops the connection and sends no PUBACK (mosquitto retain_available false / max_qos 1).
                Interlocked.Increment(ref _droppedForPolicy);
                args.ProcessPublish = false;
                args.CloseConnection = true;
                _print("[broker] dropped " + args.ClientId + ": " + (message.Retain ? "retained publish" : "QoS 2 publish") + " is not supported");
                return Task.CompletedTask;
            }

            Interlocked.Increment(ref _dataPayloads);
            byte[] payload = message.Payload.IsEmpty ? new byte[0] : System.Buffers.BuffersExtensions.ToArray(message.Payload);
            Received?.Invoke(message.Topic, payload);
            foreach (string line in LiveInspectorFormatter.Format(message.Topic, payload))
            {
                _print(line);
            }

            return Task.CompletedTask;
        }

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            await StopAsync(_server).ConfigureAwait(false);
            _server = null;
        }

        /// <summary>A loopback MQTT server on <paramref name="port"/>: TLS 1.2/1.3 with a new CA named <paramref name="caName"/>, or plain TCP when it is null.</summary>
        internal static MqttServer CreateServer(string caName, int port, out string caPem)
        {
            caPem = null;
            MqttServerOptionsBuilder builder = new MqttServerFactory().CreateServerOptionsBuilder().WithPersistentSessions(false);
            if (caName == null)
            {
                builder = builder.WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointPort(port);
            }
            else
            {
                using X509Certificate2 ca = CertificateFactory.CreateCertificateAuthority(caName);
                caPem = CertificateFactory.ToCertificatePem(ca);
                builder = builder.WithoutDefaultEndpoint().WithEncryptedEndpoint().WithEncryptedEndpointBoundIPAddress(IPAddress.Loopback)
                    .WithEncryptedEndpointPort(port)
                    .WithEncryptionCertificate(CertificateFactory.CreateServerCertificate(ca, new[] { "localhost" }, new[] { IPAddress.Loopback }))
                    .WithEncryptionSslProtocol(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
            }

            return new MqttServerFactory().CreateMqttServer(builder.Build());
        }

        /// <summary>Stops and disposes a server (null: nothing), ignoring clients that are already gone.</summary>
        internal static async Task StopAsync(MqttServer server)
        {
            if (server == null)
            {
                return;
            }

            try
            {
                await server.StopAsync(new MqttServerStopOptions()).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Best effort: the test or twin is ending anyway.
            }

            server.Dispose();
        }
    }
}
