using System;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using MQTTnet.Protocol;
using MQTTnet.Server;
using TagoFirmware.Host.Tls;

namespace TagoFirmware.Host.Broker
{
    /// <summary>What the twin's two in-process brokers share: a loopback MQTTnet server, connect validation, notes, a stop.</summary>
    public abstract class EmbeddedBroker : IAsyncDisposable
    {
        /// <summary>Host clients must use (the certificate names 127.0.0.1 and localhost).</summary>
        public string Host => "127.0.0.1";
        /// <summary>Loopback port of the listener.</summary>
        public int Port { get; private set; }
        /// <summary>PEM text of the generated CA that signed the server certificate (TLS listener only).</summary>
        public string CaPem { get; private set; }

        /// <summary>The running server.</summary>
        protected MqttServer Server { get; private set; }
        /// <summary>Where notes and Live Inspector lines go.</summary>
        protected Action<string> Print { get; private set; } = _ => { };

        /// <summary>A TCP port free on 127.0.0.1 right now (then handed to MQTTnet: a tiny race, fine for a test broker).</summary>
        public static int FreeLoopbackPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        /// <summary>Creates the server on a free loopback port: TLS 1.2/1.3 with a new CA named <paramref name="caName"/>, or plain TCP when null.</summary>
        protected MqttServer CreateServer(string caName, string tag, Action<string> print)
        {
            Print = print ?? Print;
            Port = FreeLoopbackPort();
            MqttServerOptionsBuilder builder = new MqttServerFactory().CreateServerOptionsBuilder().WithPersistentSessions(false);
            if (caName == null)
            {
                builder = builder.WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointPort(Port);
            }
            else
            {
                using X509Certificate2 ca = CertificateFactory.CreateCertificateAuthority(caName);
                CaPem = CertificateFactory.ToCertificatePem(ca);
                builder = builder.WithoutDefaultEndpoint().WithEncryptedEndpoint().WithEncryptedEndpointBoundIPAddress(IPAddress.Loopback)
                    .WithEncryptedEndpointPort(Port)
                    .WithEncryptionCertificate(CertificateFactory.CreateServerCertificate(ca, new[] { "localhost" }, new[] { IPAddress.Loopback }))
                    .WithEncryptionSslProtocol(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
            }

            Server = new MqttServerFactory().CreateMqttServer(builder.Build());
            Server.ValidatingConnectionAsync += args =>
            {
                string refusal = Refusal(args);
                args.ReasonCode = refusal == null ? MqttConnectReasonCode.Success : MqttConnectReasonCode.BadUserNameOrPassword;
                Print(tag + (refusal == null ? args.ClientId + " connected (MQTT " + args.ProtocolVersion + ")" : "refused " + args.ClientId + ": " + refusal));
                return Task.CompletedTask;
            };
            Server.ClientDisconnectedAsync += args =>
            {
                Print(tag + args.ClientId + " disconnected (" + args.DisconnectType + ")");
                return Task.CompletedTask;
            };
            return Server;
        }

        /// <summary>Why a CONNECT is refused (no secret in it), or null to accept it; may throw to close without a CONNACK.</summary>
        protected abstract string Refusal(ValidatingConnectionEventArgs args);

        /// <summary>Stops and disposes the server, ignoring clients that are already gone.</summary>
        public virtual async ValueTask DisposeAsync()
        {
            if (Server == null)
            {
                return;
            }

            // Best effort: the test or twin is ending anyway.
            await Server.StopAsync(new MqttServerStopOptions()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

            Server.Dispose();
            Server = null;
        }
    }
}
