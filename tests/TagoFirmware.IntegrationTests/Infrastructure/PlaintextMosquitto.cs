using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
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

        private readonly string _log;

        private PlaintextMosquitto(Process process, string directory, int port, string log)
        {
            _process = process;
            _directory = directory;
            Port = port;
            _log = log;
        }

        /// <summary>The plaintext port.</summary>
        public int Port { get; }

        /// <summary>Starts the broker and waits until it has bound its own port (a new port if another process took the first).</summary>
        /// <returns>The running broker.</returns>
        public static PlaintextMosquitto Start()
        {
            string directory = Directory.CreateTempSubdirectory("tago-plain-mosquitto-").FullName;
            for (int attempt = 1; ; attempt++)
            {
                int port = TagoLikeBroker.FreeLoopbackPort();
                string config = Path.Combine(directory, "mosquitto.conf");
                string log = Path.Combine(directory, "mosquitto-" + attempt.ToString(CultureInfo.InvariantCulture) + ".log");
                File.WriteAllText(config, "listener " + port.ToString(CultureInfo.InvariantCulture) + " 127.0.0.1\n"
                    + "allow_anonymous true\npersistence false\nlog_dest file " + log + "\nlog_type all\nuser root\n");
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
                var broker = new PlaintextMosquitto(process, directory, port, log);
                if (MosquittoBroker.WaitUntilRunning(process, log, 0))
                {
                    return broker;
                }

                process.Dispose();
                if (attempt == 3)
                {
                    Directory.Delete(directory, true);
                    throw new InvalidOperationException("plaintext mosquitto could not bind a free port: " + File.ReadAllText(log));
                }
            }
        }

        /// <summary>The broker's log so far (log_type all: every connect, subscribe and publish), for failure messages.</summary>
        public string ReadLog()
        {
            using var stream = new FileStream(_log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
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
