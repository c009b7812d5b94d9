using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using TagoFirmware.Host.Broker;

namespace TagoFirmware.IntegrationTests.TagoTip
{
    /// <summary>
    /// A mosquitto with one plain, anonymous loopback listener: the broker the TagoTiP tests run the receipt responder
    /// and the node on (TagoTiP's hash halves are the user name and password, which this broker does not check).
    /// </summary>
    public sealed class PlainMosquitto : IDisposable
    {
        private readonly Process _process;
        private readonly string _directory;

        private PlainMosquitto(Process process, string directory, int port)
        {
            _process = process;
            _directory = directory;
            Port = port;
        }

        /// <summary>Loopback port.</summary>
        public int Port { get; }

        /// <summary>Starts mosquitto on a free loopback port.</summary>
        /// <returns>The running broker.</returns>
        public static PlainMosquitto Start()
        {
            int port = TagoLikeBroker.FreeLoopbackPort();
            string directory = Path.Combine(Path.GetTempPath(), "tagotip-mosquitto-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(directory);
            string config = Path.Combine(directory, "mosquitto.conf");
            File.WriteAllText(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
            Process process = Process.Start(new ProcessStartInfo("/usr/sbin/mosquitto", "-c " + config) { RedirectStandardError = true, RedirectStandardOutput = true });
            var broker = new PlainMosquitto(process, directory, port);
            for (int i = 0; i < 100; i++)
            {
                try
                {
                    using var probe = new TcpClient("127.0.0.1", port);
                    return broker;
                }
                catch (SocketException)
                {
                    Thread.Sleep(50);
                }
            }

            broker.Dispose();
            throw new InvalidOperationException("mosquitto did not start on port " + port);
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
