using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TagoFirmware.Host.Adapters;
using TagoFirmware.Host.Broker;
using TagoFirmware.Host.Node;
using TagoFirmware.Host.Tls;
using TagoFirmware.Session;

namespace TagoFirmware.Host.Cli
{
    /// <summary>The twin's command: parse, optionally start the embedded broker, run one node, map the outcome to an exit code.</summary>
    public static class TwinApp
    {
        /// <summary>Runs the twin.</summary>
        /// <param name="args">Command-line arguments.</param>
        /// <param name="output">Standard output.</param>
        /// <param name="error">Standard error.</param>
        /// <param name="environmentToken">TAGO_DEVICE_TOKEN value, or null.</param>
        /// <param name="cancel">Stops the run (Ctrl+C); a cancelled run exits 0.</param>
        /// <returns>Exit code (<see cref="TwinExitCode"/>).</returns>
        public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string environmentToken, CancellationToken cancel)
        {
            if (!TwinOptionsParser.TryParse(args, environmentToken, out TwinOptions options, out string message))
            {
                error.WriteLine("error: " + message);
                error.WriteLine(TwinOptionsParser.Usage);
                return TwinExitCode.UsageError;
            }

            if (options.Help)
            {
                output.WriteLine(TwinOptionsParser.Usage);
                return TwinExitCode.Done;
            }

            if (options.CheckConfigFile != null)
            {
                return TwinConfigCheck.Run(options.CheckConfigFile, output, error);
            }

            if (options.ConfigFile != null)
            {
                int rc = TwinConfigCheck.Apply(options.ConfigFile, options, error);
                if (rc != TwinExitCode.Done)
                {
                    return rc;
                }
            }

            var log = new ConsoleLog(output, options.Verbose ? LogLevel.Debug : LogLevel.Info);
            log.AddSecret(options.Token);
            TagoLikeBroker broker = null;
            try
            {
                var session = new SessionOptions
                {
                    UseTls = !options.Plaintext,
                    Token = options.Token,
                    ClientId = options.ClientId ?? DefaultClientId(),
                    Qos = options.Qos,
                    AuthRetryIntervalMs = (int)(options.AuthRetrySeconds * 1000),
                    MqttConnectTimeoutMs = 15000,
                    AckTimeoutMs = (int)(options.AckTimeoutSeconds * 1000),
                    KeepAliveSeconds = options.KeepAliveSeconds,
                };
                if (options.Topic != null)
                {
                    session.DataTopicTemplate = options.Topic;
                }

                if (options.Broker == null)
                {
                    broker = await TagoLikeBroker.StartAsync(line => log.Info(line), options.Token).ConfigureAwait(false);
                    log.AddSecret(broker.Token);
                    log.Info("embedded TagoIO-like broker on mqtts://" + broker.Host + ":" + broker.Port + " (TLS, generated CA), user 'Token', token " + broker.RedactedToken);
                    session.Host = broker.Host;
                    session.Port = broker.Port;
                    session.Token = broker.Token;
                    session.CaCertificatesPem = broker.CaPem;
                }
                else
                {
                    session.Host = options.Broker;
                    session.Port = options.Port != 0 ? options.Port : options.Plaintext ? 1883 : 8883;
                    if (!options.Plaintext && options.CaFile != null)
                    {
                        if (!File.Exists(options.CaFile))
                        {
                            error.WriteLine("error: --ca file '" + options.CaFile + "' does not exist");
                            return TwinExitCode.UsageError;
                        }

                        options.CaPem = File.ReadAllText(options.CaFile);
                    }

                    if (!options.Plaintext && options.CaPem != null)
                    {
                        var check = new X509Certificate2Collection();
                        try
                        {
                            check.ImportFromPem(options.CaPem);
                        }
                        catch (CryptographicException ex)
                        {
                            error.WriteLine("error: --ca: not a PEM certificate file: " + ex.Message);
                            return TwinExitCode.UsageError;
                        }

                        if (check.Count == 0)
                        {
                            error.WriteLine("error: --ca: the file holds no certificate");
                            return TwinExitCode.UsageError;
                        }

                        session.CaCertificatesPem = options.CaPem;
                    }
                    else if (!options.Plaintext)
                    {
                        log.Info("no --ca: the broker certificate is validated against the operating system's trust store");
                    }

                    if (options.Token == null)
                    {
                        error.WriteLine("error: --token (or " + TwinOptionsParser.TokenVariable + ") is required with --broker");
                        return TwinExitCode.UsageError;
                    }
                }

                string invalid = session.Validate();
                if (invalid != null)
                {
                    error.WriteLine("error: " + invalid);
                    return TwinExitCode.UsageError;
                }

                var settings = new TwinNodeSettings
                {
                    Session = session,
                    SampleIntervalMs = (int)Math.Max(50, options.IntervalSeconds * 1000),
                    Batch = options.Batch,
                    Seed = options.Seed,
                };
                if (options.Sleep)
                {
                    log.Info("--sleep: battery-mode simulation is not finished yet; running always-on");
                }

                log.Info("node " + session.ClientId + " sampling every " + options.IntervalSeconds.ToString(CultureInfo.InvariantCulture) + " s, batch " + options.Batch + ", QoS " + options.Qos);
                var sensor = new SimulatedDht22(options.Seed, options.SensorFailureRate);
                using var node = new TwinNode(settings, sensor, log);
                using var timeout = options.TimeoutSeconds > 0 ? new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeoutSeconds)) : new CancellationTokenSource();
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, timeout.Token);
                int result = TwinExitCode.Done;
                await node.RunAsync(
                    n =>
                    {
                        if (options.Count > 0 && n.AckedPayloads >= options.Count)
                        {
                            log.Info("done: " + n.AckedPayloads + " payload(s) acknowledged");
                            result = TwinExitCode.Done;
                            return true;
                        }

                        if (!options.Stay && n.State == SessionState.AuthFailed)
                        {
                            log.Error("exit: credentials refused by the broker (check the device token)");
                            result = TwinExitCode.CredentialsRefused;
                            return true;
                        }

                        if (!options.Stay && n.TlsFailures > 0)
                        {
                            log.Error("exit: TLS/certificate failure: " + n.LastConnectFailureReason);
                            result = TwinExitCode.TlsFailure;
                            return true;
                        }

                        return false;
                    },
                    linked.Token).ConfigureAwait(false);
                if (timeout.IsCancellationRequested && !cancel.IsCancellationRequested)
                {
                    log.Error("timeout: " + node.AckedPayloads + " of " + options.Count + " payload(s) acknowledged after " + options.TimeoutSeconds.ToString(CultureInfo.InvariantCulture) + " s (state " + node.State + ")");
                    return TwinExitCode.Timeout;
                }

                return result;
            }
            finally
            {
                if (broker != null)
                {
                    await broker.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        /// <summary>Stable client id for this machine ("twin-" + 8 hex digits of a hash of the host name), like the device's MAC-derived id.</summary>
        /// <returns>Client id.</returns>
        public static string DefaultClientId()
        {
            byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(Environment.MachineName));
            return "twin-" + Convert.ToHexString(hash, 0, 4).ToLowerInvariant();
        }
    }
}
