using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using System.Threading;
using TagoFirmware.Host.Broker;
using TagoFirmware.Host.Tls;

namespace TagoFirmware.IntegrationTests.Infrastructure
{
    /// <summary>
    /// A mosquitto configured like TagoIO's legacy broker, started on a free loopback port: TLS with a CA and server
    /// certificate generated at test time, password file with user <c>Token</c>, <c>max_qos 1</c>,
    /// <c>retain_available false</c>, connection messages logged with timestamps. The <c>listener</c> line comes first
    /// (mosquitto.conf(5): options before it create a default listener on 0.0.0.0:1883 and
    /// <c>max_qos</c> is ignored). Also generates a second CA and, on request, a server certificate for another host
    /// name, for the refusal tests.
    /// </summary>
    public sealed class MosquittoBroker : IDisposable
    {
        /// <summary>Where Debian installs the broker.</summary>
        public const string Executable = "/usr/sbin/mosquitto";

        private static readonly Regex s_connackLine = new Regex(@"^(\d+): Sending CONNACK to (\S+) \((\d+), (\d+)\)", RegexOptions.Compiled);
        private Process _process;

        private MosquittoBroker(string directory, bool certificateForOtherHost, bool persistence)
        {
            Directory = directory;
            Persistence = persistence;
            Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
            using X509Certificate2 ca = CertificateFactory.CreateCertificateAuthority("mosquitto test CA");
            using X509Certificate2 otherCa = CertificateFactory.CreateCertificateAuthority("unrelated test CA");
            using X509Certificate2 server = certificateForOtherHost
                ? CertificateFactory.CreateServerCertificate(ca, new[] { "broker.other.example" }, new IPAddress[0])
                : CertificateFactory.CreateServerCertificate(ca, new[] { "localhost" }, new[] { IPAddress.Loopback });
            CaFile = Path.Combine(directory, "ca.pem");
            OtherCaFile = Path.Combine(directory, "other-ca.pem");
            CertFile = Path.Combine(directory, "server.pem");
            KeyFile = Path.Combine(directory, "server.key");
            PasswordFile = Path.Combine(directory, "passwd");
            ConfigFile = Path.Combine(directory, "mosquitto.conf");
            LogFile = Path.Combine(directory, "mosquitto.log");
            File.WriteAllText(CaFile, CertificateFactory.ToCertificatePem(ca));
            File.WriteAllText(OtherCaFile, CertificateFactory.ToCertificatePem(otherCa));
            File.WriteAllText(CertFile, CertificateFactory.ToCertificatePem(server));
            File.WriteAllText(KeyFile, server.GetECDsaPrivateKey().ExportPkcs8PrivateKeyPem());
            CaCertificates = new X509Certificate2Collection(X509CertificateLoader.LoadCertificate(ca.RawData));
            WritePasswordFile();
            Port = TagoLikeBroker.FreeLoopbackPort();
            WriteConfig();
        }

        /// <summary>
        /// Whether the broker keeps sessions across a <see cref="Stop"/>/<see cref="Restart"/> (mosquitto
        /// <c>persistence true</c>): a subscriber with a persistent session then misses nothing published while it
        /// reconnects after the restart.
        /// </summary>
        public bool Persistence { get; }

        /// <summary>Loopback address the broker listens on.</summary>
        public string Host => "127.0.0.1";

        /// <summary>TLS port.</summary>
        public int Port { get; private set; }

        /// <summary>The only accepted password for user <c>Token</c>.</summary>
        public string Token { get; }

        /// <summary>Folder with config, certificates, password file and log.</summary>
        public string Directory { get; }

        /// <summary>PEM of the CA that signed the server certificate.</summary>
        public string CaFile { get; }

        /// <summary>PEM of an unrelated CA (a client trusting only this must refuse the broker).</summary>
        public string OtherCaFile { get; }

        /// <summary>The CA certificates from <see cref="CaFile"/>.</summary>
        public X509Certificate2Collection CaCertificates { get; }

        /// <summary>Server certificate PEM.</summary>
        public string CertFile { get; }

        /// <summary>Server key PEM.</summary>
        public string KeyFile { get; }

        /// <summary>mosquitto password file.</summary>
        public string PasswordFile { get; }

        /// <summary>mosquitto configuration.</summary>
        public string ConfigFile { get; }

        /// <summary>mosquitto log (log_type all, connection messages).</summary>
        public string LogFile { get; }

        /// <summary>True while the process runs.</summary>
        public bool IsRunning => _process != null && !_process.HasExited;

        /// <summary>Creates the files and starts the broker; waits until the port accepts connections.</summary>
        /// <param name="certificateForOtherHost">Serve a certificate for broker.other.example instead of 127.0.0.1/localhost.</param>
        /// <param name="persistence">Keep sessions and queued QoS 1 messages across a graceful restart.</param>
        /// <returns>The running broker.</returns>
        public static MosquittoBroker Start(bool certificateForOtherHost = false, bool persistence = false)
        {
            if (!File.Exists(Executable))
            {
                throw new InvalidOperationException(Executable + " not found: install the Debian package 'mosquitto' (test.sh does)");
            }

            string directory = Path.Combine(Path.GetTempPath(), "tago-mosquitto-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            System.IO.Directory.CreateDirectory(directory);
            var broker = new MosquittoBroker(directory, certificateForOtherHost, persistence);
            broker.StartProcess();
            return broker;
        }

        /// <summary>Stops gracefully (SIGTERM) and waits for the exit.</summary>
        public void Stop()
        {
            if (!IsRunning)
            {
                return;
            }

            using (Process kill = Process.Start("kill", "-TERM " + _process.Id.ToString(CultureInfo.InvariantCulture)))
            {
                kill.WaitForExit(5000);
            }

            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }

        /// <summary>Kills the broker with SIGKILL (clients see a TCP reset; no clean shutdown).</summary>
        public void Kill()
        {
            if (IsRunning)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }

        /// <summary>Starts the broker again on the same port with the same files.</summary>
        public void Restart()
        {
            if (IsRunning)
            {
                Stop();
            }

            StartProcess();
        }

        /// <summary>The log so far (empty if none yet).</summary>
        /// <returns>Log text.</returns>
        public string ReadLog()
        {
            if (!File.Exists(LogFile))
            {
                return string.Empty;
            }

            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        /// <summary>
        /// Times (UTC, 1 s resolution: mosquitto logs Unix seconds) of the CONNACKs the broker sent to a client id,
        /// i.e. of every CONNECT it answered. mosquitto 2.0 names an accepted client by its id and a refused one only
        /// by its address, so refusals are counted by <see cref="RefusedConnectTimes"/>.
        /// </summary>
        /// <param name="clientId">Client id; null for every answered CONNECT.</param>
        /// <returns>Times in log order.</returns>
        public List<DateTime> ConnectTimes(string clientId)
        {
            return Connacks(clientId, refusedOnly: false);
        }

        /// <summary>Times of every CONNECT the broker refused (CONNACK return code other than 0).</summary>
        /// <returns>Times in log order.</returns>
        public List<DateTime> RefusedConnectTimes()
        {
            return Connacks(null, refusedOnly: true);
        }

        private List<DateTime> Connacks(string clientId, bool refusedOnly)
        {
            var times = new List<DateTime>();
            foreach (string line in ReadLog().Split('\n'))
            {
                Match match = s_connackLine.Match(line.Trim());
                if (!match.Success)
                {
                    continue;
                }

                bool refused = match.Groups[4].Value != "0";
                if ((clientId == null || match.Groups[2].Value == clientId) && (!refusedOnly || refused))
                {
                    times.Add(DateTime.UnixEpoch.AddSeconds(long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)));
                }
            }

            return times;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Kill();
            _process?.Dispose();
            try
            {
                System.IO.Directory.Delete(Directory, true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private void WritePasswordFile()
        {
            File.WriteAllText(PasswordFile, string.Empty);
            using Process passwd = Process.Start(new ProcessStartInfo("mosquitto_passwd")
            {
                ArgumentList = { "-b", PasswordFile, "Token", Token },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            passwd.WaitForExit(10000);
            if (passwd.ExitCode != 0)
            {
                throw new InvalidOperationException("mosquitto_passwd failed: " + passwd.StandardError.ReadToEnd());
            }
        }

        private void WriteConfig()
        {
            string config =
                "# Generated by the integration tests. The listener line must come first (mosquitto.conf(5)).\n" +
                "listener " + Port.ToString(CultureInfo.InvariantCulture) + " 127.0.0.1\n" +
                "cafile " + CaFile + "\n" +
                "certfile " + CertFile + "\n" +
                "keyfile " + KeyFile + "\n" +
                "tls_version tlsv1.2\n" +
                "allow_anonymous false\n" +
                "password_file " + PasswordFile + "\n" +
                "max_qos 1\n" +
                "retain_available false\n" +
                (Persistence
                    ? "persistence true\npersistence_location " + Directory + "/\nautosave_interval 1\nmax_queued_messages 10000\n"
                    : "persistence false\n") +
                "log_dest file " + LogFile + "\n" +
                "log_type all\n" +
                "connection_messages true\n" +
                "log_timestamp true\n" +
                // Running as root, mosquitto would switch to user "mosquitto", who cannot read the test files.
                "user root\n";
            File.WriteAllText(ConfigFile, config);
        }

        private void StartProcess()
        {
            for (int attempt = 1; ; attempt++)
            {
                _process?.Dispose();
                int runsBefore = RunningLines(LogFile);
                _process = Process.Start(new ProcessStartInfo(Executable)
                {
                    ArgumentList = { "-c", ConfigFile },
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                });
                // Everything useful goes to the log file; drain the pipes (the "should not run as root" warning) so the
                // broker never blocks on a full pipe.
                _process.OutputDataReceived += (_, _) => { };
                _process.ErrorDataReceived += (_, _) => { };
                _process.BeginOutputReadLine();
                _process.BeginErrorReadLine();
                if (WaitUntilRunning(_process, LogFile, runsBefore))
                {
                    return;
                }

                // The free port was taken between choosing it and mosquitto binding it (tests run side by side):
                // on the first start a new port is as good; a restart must keep its port.
                if (attempt == 3 || _process.ExitCode != 1 || !ReadLog().Contains("Address already in use", StringComparison.Ordinal) || runsBefore > 0)
                {
                    throw new InvalidOperationException("mosquitto exited with " + _process.ExitCode + ": " + ReadLog());
                }

                Port = TagoLikeBroker.FreeLoopbackPort();
                WriteConfig();
            }
        }

        /// <summary>
        /// Waits until the mosquitto writing <paramref name="logFile"/> logs one more "running" line than
        /// <paramref name="runsBefore"/>: it writes that line once its listeners are bound. A connection probe alone could
        /// reach another test's broker that took the same port first, and the test would then lose its broker when that
        /// other test stops it.
        /// </summary>
        /// <returns>False if the process exited first.</returns>
        internal static bool WaitUntilRunning(Process process, string logFile, int runsBefore)
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                if (process.HasExited)
                {
                    return false;
                }

                if (RunningLines(logFile) > runsBefore)
                {
                    return true;
                }

                Thread.Sleep(20);
            }

            throw new TimeoutException("mosquitto did not start within 10 s (log " + logFile + ")");
        }

        private static int RunningLines(string logFile)
        {
            try
            {
                using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                return Regex.Matches(reader.ReadToEnd(), @"mosquitto version \S+ running").Count;
            }
            catch (IOException)
            {
                return 0;
            }
        }
    }
}
