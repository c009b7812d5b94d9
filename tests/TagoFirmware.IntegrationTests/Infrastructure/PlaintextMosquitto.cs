using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using TagoFirmware.Host.Broker;

namespace TagoFirmware.IntegrationTests.Infrastructure
{
    /// <summary>A mosquitto with one plaintext, anonymous listener on 127.0.0.1 (MQTT's usual 1883 setup): for clients
    /// that wrongly expect TLS there, and the broker the TagoTiP tests run the receipt responder and the node on
    /// (TagoTiP's hash halves are the user name and password, which this broker does not check).</summary>
    public sealed class PlaintextMosquitto : IDisposable
    {
        private readonly Process _process;
        private readonly string _directory;

        private PlaintextMosquitto(Process process, string directory, int port)
        {
            _process = process;
            _directory = directory;
            Port = port;
        }

        /// <summary>The plaintext port.</summary>
        public int Port { get; }

        /// <summary>Starts the broker and waits until the port accepts connections.</summary>
        /// <returns>The running broker.</returns>
        public static PlaintextMosquitto Start()
        {
            string directory = Directory.CreateTempSubdirectory("tago-plain-mosquitto-").FullName;
            int port = TagoLikeBroker.FreeLoopbackPort();
            string config = Path.Combine(directory, "mosquitto.conf");
            File.WriteAllText(config, "listener " + port.ToString(CultureInfo.InvariantCulture) + " 127.0.0.1\n"
                + "allow_anonymous true\npersistence false\nlog_dest file " + Path.Combine(directory, "mosquitto.log") + "\nlog_type all\nuser root\n");
            Process process = Process.Start(new ProcessStartInfo(MosquittoBroker.Executable)
            {
                ArgumentList = { "-c", config },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var broker = new PlaintextMosquitto(process, directory, port);
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(10) && !process.HasExited)
            {
                try
                {
                    using var probe = new TcpClient();
                    probe.Connect(IPAddress.Loopback, port);
                    return broker;
                }
                catch (SocketException)
                {
                    Thread.Sleep(50);
                }
            }

            broker.Dispose();
            throw new InvalidOperationException("plaintext mosquitto did not open port " + port);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }

            _process.Dispose();
            Directory.Delete(_directory, true);
        }
    }
}
