using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TagoFirmware.Config;
using TagoFirmware.Diagnostics;
using TagoFirmware.Host.Adapters;
using TagoFirmware.Node;
using TagoFirmware.Host.Broker;
using TagoFirmware.Host.Node;
using TagoFirmware.Host.TagoTip;
using TagoFirmware.Host.Tls;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Cli
{
    /// <summary>The twin's command: parse, optionally start the embedded broker, run one node, map the outcome to an exit code.</summary>
    public static class TwinApp
    {
        /// <summary>The transport of a run that names none (no credentials, no config file).</summary>
        public const string DefaultTransport = TransportNames.TagoTip;


        /// <summary>Runs the twin.</summary>
        /// <param name="args">Command-line arguments.</param>
        /// <param name="output">Standard output.</param>
        /// <param name="error">Standard error.</param>
        /// <param name="environmentToken">TAGO_DEVICE_TOKEN value, or null.</param>
        /// <param name="cancel">Stops the run (Ctrl+C); a cancelled run exits 0.</param>
        /// <returns>Exit code (<see cref="TwinExitCode"/>).</returns>
        public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string environmentToken, CancellationToken cancel)
        {
            return RunAsync(args, null, output, error, environmentToken, cancel);
        }

        /// <summary>Runs the twin, taking downlink commands from <paramref name="input"/> (<see cref="TwinCommandInput"/>).</summary>
        /// <param name="args">Command-line arguments.</param>
        /// <param name="input">Standard input, or null for none.</param>
        /// <param name="output">Standard output.</param>
        /// <param name="error">Standard error.</param>
        /// <param name="environmentToken">TAGO_DEVICE_TOKEN value, or null.</param>
        /// <param name="cancel">Stops the run in order (Ctrl+C, SIGTERM); a cancelled run exits 0.</param>
        /// <returns>Exit code (<see cref="TwinExitCode"/>).</returns>
        public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, string environmentToken, CancellationToken cancel)
        {
            if (!TwinOptionsParser.TryParse(args, environmentToken, Environment.GetEnvironmentVariable(TwinTransportOptions.TipAuthVariable), out TwinOptions options, out string message))
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

            if (options.CheckCredentials)
            {
                return await TwinCredentialCheck.RunAsync(options, output, error, cancel).ConfigureAwait(false);
            }

            if (options.CheckConfigFile != null)
            {
                return TwinConfigCheck.Run(options.CheckConfigFile, options, output, error);
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
            log.AddSecret(options.AuthHash);
            bool tip = (options.Transport ?? DefaultTransport) == TransportNames.TagoTip;
            TagoLikeBroker broker = null;
            TagoTipServer tipServer = null;
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

                if (tip)
                {
                    session.ClientId = options.Serial ?? session.ClientId;
                    session.Token = options.AuthHash; // the session's credential; BuildConfig puts it into tagotip.auth_hash
                }

                if (options.Broker == null && tip)
                {
                    tipServer = await TagoTipServer.StartAsync(new TagoTipServerOptions
                    {
                        Serial = session.ClientId,
                        Hash = options.AuthHash,
                        Fault = options.TipFault,
                        Seed = options.Seed ?? TwinOptions.DefaultSeed(session.ClientId, DateTime.UtcNow.Ticks),
                    }, line => log.Info(line)).ConfigureAwait(false);
                    log.AddSecret(tipServer.Hash);
                    log.Info("embedded TagoTiP server on mqtts://" + tipServer.Host + ":" + tipServer.Port + " (TLS, generated CA): serial " + tipServer.Serial
                        + ", authorization hash " + (options.AuthHash == null ? "generated" : "given") + " (never shown); closes a connection after 10 s or 5 s idle, 5 subscription requests a minute"
                        + (options.TipFault != null ? "; fault " + options.TipFault.Kind + " with probability " + Format(options.TipFault.Probability) : string.Empty));
                    session.Host = tipServer.Host;
                    session.Port = tipServer.Port;
                    session.Token = tipServer.Hash;
                    session.CaCertificatesPem = tipServer.CaPem;
                }
                else if (options.Broker == null)
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
                        bool usable = true;
                        foreach (ConfigIssue issue in CaCertificateCheck.Check(options.CaPem, "--ca file '" + options.CaFile + "'", DateTime.UtcNow))
                        {
                            // A config file's CA entries were checked by TwinConfigCheck, under their own key.
                            usable &= issue.Severity != ConfigSeverity.Error;
                            error.WriteLine(issue.ToString());
                        }

                        if (!usable)
                        {
                            return TwinExitCode.UsageError;
                        }
                    }

                    if (!options.Plaintext && options.CaPem != null)
                    {
                        session.CaCertificatesPem = options.CaPem;
                    }
                    else if (!options.Plaintext)
                    {
                        log.Info("no --ca: the broker certificate is validated against the operating system's trust store");
                    }

                    if (tip && (options.Serial == null || options.AuthHash == null))
                    {
                        error.WriteLine("error: --serial and --auth-hash, --auth-token or " + TwinTransportOptions.TipAuthVariable + " are required with --broker for TagoTiP");
                        return TwinExitCode.UsageError;
                    }

                    if (!tip && options.Token == null)
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

                NodeConfig config = BuildConfig(options, session, tip);
                string clientId = session.ClientId;
                int minInterval = MinIntervalSeconds(config, out string minReason);
                double realInterval = options.Sleep && !options.Given.Contains("--interval")
                    ? (options.WakeIntervalSeconds > 0 ? options.WakeIntervalSeconds : config.Sleep.WakeIntervalSeconds)
                    : options.IntervalSeconds;
                double scale = options.TimeScale;
                if (!options.Given.Contains("--time-scale") && realInterval < minInterval)
                {
                    // The real read pipeline needs its reads (DHT22: 6 reads 2 s apart); run simulated time faster instead
                    // of cutting corners in the pipeline.
                    scale = minInterval / realInterval;
                    log.Info("--interval " + Format(realInterval) + " s is below the " + minInterval + " s minimum (" + minReason + "): simulated time runs x" + Format(scale) + " (add --time-scale to choose)");
                }

                if (scale != 1.0)
                {
                    // Network-bound timeouts are stretched by the scale (TwinNode); the backoff is not. The node's log
                    // lines print every duration in real time (ScaledTimeLog).
                    log.Info("time scale x" + Format(scale) + ": network timeouts stay in real time, the 1-30 s backoff runs in simulated time ("
                        + Format(1 / scale) + "-" + Format(30 / scale) + " s real); durations in node log lines are real (\"ms real\")");
                }

                int simulatedInterval = (int)Math.Round(realInterval * scale);
                if (simulatedInterval < minInterval)
                {
                    error.WriteLine("error: --interval " + Format(realInterval) + " s at --time-scale " + Format(scale) + " is " + simulatedInterval + " simulated s: must be at least " + minInterval + " s because " + minReason);
                    return TwinExitCode.UsageError;
                }

                if (options.Sleep)
                {
                    config.Sleep.WakeIntervalSeconds = simulatedInterval;
                }
                else
                {
                    config.Sampling.IntervalSeconds = simulatedInterval;
                }

                string dataDir = null;
                if (options.NoPersist)
                {
                    config.Queue.Persist = false;
                    log.Info("persistence off (--no-persist): queue and command overrides live in RAM only");
                }
                else
                {
                    dataDir = Path.GetFullPath(options.DataDirectory ?? Path.Combine(".tago-twin", SafeFolderName(clientId)));
                    config.Queue.Persist = true;
                    log.Info("persistence: " + dataDir + " (queue.log, overrides.bin)");
                }

                TwinClockAnchor.Load(dataDir, scale, out DateTime realAnchor, out DateTime simulatedAnchor);
                var settings = new TwinNodeSettings
                {
                    Config = config,
                    ConfigBytes = options.FileBytes,
                    MacClientId = clientId,
                    DataDirectory = dataDir,
                    TimeScale = scale,
                    Epoch = realAnchor,
                    SimulatedEpoch = simulatedAnchor,
                    SensorFailureRate = options.SensorFailureRate,
                    Seed = options.Seed ?? TwinOptions.DefaultSeed(clientId, DateTime.UtcNow.Ticks),
                };
                log.Info("seed " + settings.Seed + (options.Seed.HasValue ? " (--seed)" : " (from the client id and the start time; --seed " + settings.Seed + " repeats it)"));
                log.Info("node " + clientId + ": " + (options.Sleep ? "battery mode, wake every " : "sampling every ") + simulatedInterval + " s"
                    + (scale != 1.0 ? " simulated (time scale x" + Format(scale) + ": " + Format(simulatedInterval / scale) + " s real)" : string.Empty)
                    + ", batch " + config.Sampling.Batch + " readings, QoS " + config.Mqtt.Qos);
                using var timeout = options.TimeoutSeconds > 0 ? new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeoutSeconds)) : new CancellationTokenSource();
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, timeout.Token);
                var outcome = new RunOutcome();
                var commands = new TwinCommandInput(log);
                if (input != null)
                {
                    commands.Start(input);
                }

                if (options.Sleep)
                {
                    await RunBatteryAsync(settings, options, log, outcome, commands, linked.Token).ConfigureAwait(false);
                }
                else
                {
                    using var node = new TwinNode(settings, log);
                    commands.Node = node;
                    await node.RunAsync(n => outcome.ShouldStop(n, 0, options, log), linked.Token).ConfigureAwait(false);
                    outcome.Acked = node.AckedPayloads;
                    outcome.State = node.State;
                }

                if (outcome.Result == null && timeout.IsCancellationRequested && !cancel.IsCancellationRequested)
                {
                    // Without --count there is no target to fall short of: the summary is what was acknowledged.
                    log.Error("timeout: " + outcome.Acked + (options.Count > 0 ? " of " + options.Count : string.Empty) + " payload(s) acknowledged after "
                        + Format(options.TimeoutSeconds) + " s (state " + outcome.State + ")");
                    return TwinExitCode.Timeout;
                }

                return outcome.Result ?? TwinExitCode.Done;
            }
            finally
            {
                if (broker != null)
                {
                    await broker.DisposeAsync().ConfigureAwait(false);
                }

                if (tipServer != null)
                {
                    await tipServer.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// Battery mode: each wake is a fresh node over the same data directory (the device reboots on every deep-sleep
        /// wake; only the flash survives), run until it asks to sleep; the "deep sleep" is a real wait of
        /// <c>SleepMilliseconds / time scale</c>.
        /// </summary>
        private static async Task RunBatteryAsync(TwinNodeSettings settings, TwinOptions options, ConsoleLog log, RunOutcome outcome,
            TwinCommandInput commands, CancellationToken cancel)
        {
            if (settings.DataDirectory == null)
            {
                log.Warn("--sleep with --no-persist: deep sleep keeps no RAM, so every wake starts with an empty queue");
            }

            for (int wake = 1; !cancel.IsCancellationRequested; wake++)
            {
                settings.BootReason = wake == 1 ? BootReason.PowerOnOrReset : BootReason.TimerWake;
                log.Info("--- wake " + wake + " (" + (wake == 1 ? "power-on" : "timer wake from deep sleep") + ") ---");
                int sleepMs;
                double wakeClock;
                using (var node = new TwinNode(settings, log))
                {
                    commands.Node = node;
                    await node.RunAsync(n => n.SleepRequested || outcome.ShouldStop(n, outcome.Acked, options, log), cancel).ConfigureAwait(false);
                    outcome.State = node.State;
                    if (!node.SleepRequested)
                    {
                        outcome.Acked += node.AckedPayloads;
                        return; // stopped: count reached, refusal, TLS failure, timeout or Ctrl+C
                    }

                    outcome.Acked += node.AckedPayloads;
                    commands.Node = null;
                    sleepMs = node.Node.SleepMilliseconds;
                    wakeClock = node.Clock.ToRealMs(sleepMs);
                    log.Info("wake " + wake + " done: " + node.Node.Sampler.CyclesCompleted + " sample cycle(s), " + node.AckedPayloads + " payload(s) acknowledged, "
                        + node.QueuedReadings + " reading(s) kept in " + (settings.DataDirectory ?? "RAM") + "; deep sleep " + sleepMs + " ms ("
                        + Format(wakeClock / 1000.0) + " s real)");
                }

                if (options.Count > 0 && outcome.Acked >= options.Count)
                {
                    log.Info("done: " + outcome.Acked + " payload(s) acknowledged");
                    outcome.Result = TwinExitCode.Done;
                    return;
                }

                if (options.Wakes > 0 && wake >= options.Wakes)
                {
                    log.Info("done: " + wake + " wake(s), " + outcome.Acked + " payload(s) acknowledged");
                    outcome.Result = TwinExitCode.Done;
                    return;
                }

                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(wakeClock), cancel).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        /// <summary>The node configuration: the --config file's (or the twin's defaults), with every option given on
        /// the command line and the broker of this run applied.</summary>
        private static NodeConfig BuildConfig(TwinOptions options, SessionOptions session, bool tip)
        {
            NodeConfig config = options.FileConfig ?? TwinNodeSettings.DefaultConfig();
            MqttConfig mqtt = config.Mqtt;
            mqtt.Host = session.Host;
            mqtt.Port = session.Port;
            mqtt.Tls = session.UseTls;
            mqtt.CaCertificates = session.CaCertificatesPem == null ? new string[0] : new[] { session.CaCertificatesPem };
            mqtt.ClientId = session.ClientId;
            mqtt.DataTopic = session.DataTopicTemplate;
            mqtt.Qos = session.Qos;
            mqtt.KeepAliveSeconds = session.KeepAliveSeconds;
            config.Token = tip ? null : session.Token;
            TwinTransportOptions.Apply(config, options, tip, session.ClientId, session.Token);

            config.Sampling.Batch = options.Batch;
            config.Timeouts.AuthRetrySeconds = Math.Max(1, (int)Math.Ceiling(options.AuthRetrySeconds));
            config.Timeouts.AckSeconds = Math.Max(1, (int)Math.Ceiling(options.AckTimeoutSeconds));
            if (options.QueueCapacity > 0)
            {
                config.Queue.Capacity = options.QueueCapacity;
            }

            config.Sleep.Mode = options.Sleep ? SleepMode.Deep : SleepMode.Off;
            if (options.WakeIntervalSeconds > 0)
            {
                config.Sleep.WakeIntervalSeconds = options.WakeIntervalSeconds;
            }

            if (options.PublishEvery > 0)
            {
                config.Sleep.PublishEvery = options.PublishEvery;
            }

            return config;
        }

        private static int MinIntervalSeconds(NodeConfig config, out string reason)
        {
            int min = NodeConfigValidator.MinIntervalSeconds(config, null, out reason);
            if (config.Sleep.Mode == SleepMode.Deep)
            {
                if (ConfigKeys.SleepWakeInterval.Min > min)
                {
                    min = ConfigKeys.SleepWakeInterval.Min;
                    reason = "that is the shortest deep-sleep wake interval";
                }
            }

            return Math.Max(1, min);
        }

        private static string SafeFolderName(string clientId)
        {
            var name = new StringBuilder(clientId.Length);
            foreach (char c in clientId)
            {
                name.Append(char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.' ? c : '_');
            }

            return name.ToString();
        }

        private static string Format(double value)
        {
            return value.ToString("0.###", CultureInfo.InvariantCulture);
        }

        /// <summary>What ended a run, shared by the always-on loop and the battery-mode wakes.</summary>
        private sealed class RunOutcome
        {
            public int? Result { get; set; }

            public int Acked { get; set; }

            public SessionState State { get; set; }

            public bool ShouldStop(TwinNode n, int ackedBefore, TwinOptions options, ConsoleLog log)
            {
                int acked = ackedBefore + n.AckedPayloads;
                if (options.Count > 0 && acked >= options.Count)
                {
                    log.Info("done: " + acked + " payload(s) acknowledged");
                    Result = TwinExitCode.Done;
                    return true;
                }

                if (!options.Stay && n.State == SessionState.AuthFailed)
                {
                    log.Error("exit: credentials refused by the broker (check the " + (n.UsesTagoTip ? "serial and the authorization hash" : "device token") + ")");
                    Result = TwinExitCode.CredentialsRefused;
                    return true;
                }

                if (!options.Stay && n.TlsFailures > 0)
                {
                    log.Error("exit: TLS/certificate failure: " + n.LastConnectFailureReason);
                    Result = TwinExitCode.TlsFailure;
                    return true;
                }

                return false;
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
