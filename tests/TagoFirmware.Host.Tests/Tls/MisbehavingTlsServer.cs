using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using TagoFirmware.Host.Tls;

namespace TagoFirmware.Host.Tests.Tls
{
    /// <summary>
    /// A local server on 127.0.0.1 that gets TLS wrong in one way: it speaks plaintext, presents an expired
    /// certificate, or offers only TLS 1.0/1.1 (through <c>openssl s_server</c>, because the host's .NET refuses to serve
    /// those versions itself). It never completes an MQTT session.
    /// </summary>
    public sealed class MisbehavingTlsServer : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Process _openssl;
        private readonly string _directory;

        private MisbehavingTlsServer(TcpListener listener, Process openssl, string directory, int port, X509Certificate2 ca)
        {
            _listener = listener;
            _openssl = openssl;
            _directory = directory;
            Port = port;
            CaPem = CertificateFactory.ToCertificatePem(ca);
        }

        /// <summary>The port it listens on.</summary>
        public int Port { get; }

        /// <summary>PEM of the CA that signed its certificate (so only the misbehaviour under test fails).</summary>
        public string CaPem { get; }

        /// <summary>A plaintext server: reads what the client sends, then closes (like an MQTT broker that gets a TLS
        /// ClientHello where it expects CONNECT) or first answers in plaintext.</summary>
        /// <param name="answer">Plaintext bytes sent back before closing, or null for none.</param>
        /// <returns>The server.</returns>
        public static MisbehavingTlsServer Plaintext(byte[] answer = null)
        {
            using X509Certificate2 ca = CertificateFactory.CreateCertificateAuthority("plaintext test CA");
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var server = new MisbehavingTlsServer(listener, null, null, ((IPEndPoint)listener.LocalEndpoint).Port, ca);
            server.AcceptLoop(async client =>
            {
                byte[] buffer = new byte[4];
                await client.GetStream().ReadExactlyAsync(buffer, server._stop.Token).ConfigureAwait(false);
                if (answer != null)
                {
                    await client.GetStream().WriteAsync(answer, server._stop.Token).ConfigureAwait(false);
                }
                else
                {
                    // Close with unread bytes pending, the way mosquitto drops a malformed packet: a TCP reset.
                    client.Client.LingerState = new LingerOption(true, 0);
                }
            });
            return server;
        }

        /// <summary>A TLS 1.2+ server whose certificate chains to its CA but lies outside its validity dates.</summary>
        /// <param name="notBefore">Start of validity.</param>
        /// <param name="notAfter">End of validity.</param>
        /// <returns>The server.</returns>
        public static MisbehavingTlsServer WithCertificateValidity(DateTimeOffset notBefore, DateTimeOffset notAfter)
        {
            X509Certificate2 ca = CertificateFactory.CreateCertificateAuthority("expiry test CA");
            X509Certificate2 certificate = CertificateFactory.CreateServerCertificate(ca, new[] { "localhost" }, new[] { IPAddress.Loopback }, notBefore, notAfter);
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var server = new MisbehavingTlsServer(listener, null, null, ((IPEndPoint)listener.LocalEndpoint).Port, ca);
            server.AcceptLoop(async client =>
            {
                using var tls = new SslStream(client.GetStream());
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = certificate,
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                }, server._stop.Token).ConfigureAwait(false);
            });
            return server;
        }

        /// <summary>A server that offers TLS 1.0 and 1.1 only (openssl s_server at security level 0), or null when the
        /// host's OpenSSL cannot serve them.</summary>
        /// <returns>The server, or null.</returns>
        public static MisbehavingTlsServer OldTlsOnly()
        {
            using X509Certificate2 ca = CertificateFactory.CreateCertificateAuthority("old TLS test CA");
            using X509Certificate2 certificate = CertificateFactory.CreateServerCertificate(ca, new[] { "localhost" }, new[] { IPAddress.Loopback });
            string directory = Directory.CreateTempSubdirectory("tago-oldtls-").FullName;
            File.WriteAllText(Path.Combine(directory, "cert.pem"), CertificateFactory.ToCertificatePem(certificate));
            File.WriteAllText(Path.Combine(directory, "key.pem"), certificate.GetECDsaPrivateKey().ExportPkcs8PrivateKeyPem());
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var start = new ProcessStartInfo("openssl")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = directory,
            };
            foreach (string arg in new[] { "s_server", "-accept", "127.0.0.1:" + port, "-cert", "cert.pem", "-key", "key.pem",
                "-no_tls1_2", "-no_tls1_3", "-cipher", "DEFAULT:@SECLEVEL=0", "-quiet" })
            {
                start.ArgumentList.Add(arg);
            }

            Process openssl;
            try
            {
                openssl = Process.Start(start);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null; // no openssl on this host
            }

            openssl.OutputDataReceived += (_, _) => { };
            openssl.ErrorDataReceived += (_, _) => { };
            openssl.BeginOutputReadLine();
            openssl.BeginErrorReadLine();
            var server = new MisbehavingTlsServer(null, openssl, directory, port, ca);
            for (int i = 0; i < 100 && !openssl.HasExited; i++)
            {
                try
                {
                    using var tcp = new TcpClient();
                    tcp.Connect(IPAddress.Loopback, port);
                    return server;
                }
                catch (SocketException)
                {
                    Thread.Sleep(50);
                }
            }

            server.Dispose();
            return null;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            _stop.Cancel();
            _listener?.Stop();
            if (_openssl != null)
            {
                try
                {
                    _openssl.Kill();
                    _openssl.WaitForExit(2000);
                }
                catch (InvalidOperationException)
                {
                    // already gone
                }

                _openssl.Dispose();
            }

            if (_directory != null)
            {
                Directory.Delete(_directory, true);
            }
        }

        private void AcceptLoop(Func<TcpClient, Task> serve)
        {
            Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    TcpClient client;
                    try
                    {
                        client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        return;
                    }

                    _ = Task.Run(async () =>
                    {
                        using (client)
                        {
                            try
                            {
                                await serve(client).ConfigureAwait(false);
                            }
                            catch (Exception)
                            {
                                // The client gave up: that is the point of this server.
                            }
                        }
                    });
                }
            });
        }
    }
}
