using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using TagoFirmware.Config;
using TagoFirmware.Connection;
using TagoFirmware.Diagnostics;
using TagoFirmware.Host.Adapters;
using TagoFirmware.Host.Broker;
using TagoFirmware.Host.Node;
using TagoFirmware.Host.TagoTip;
using TagoFirmware.Host.Tls;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Cli
{
    /// <summary>The twin's command: parse, optionally start the embedded broker, run one node, map the outcome to an exit code.</summary>
    public static class TwinApp
    {
        /// <summary>Runs the twin (stdin commands from <paramref name="input"/>, may be null) and returns a <see cref="TwinExitCode"/>.</summary>
        public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string environmentToken, CancellationToken cancel, TextReader input = null)
        {
            if (!TwinOptions.TryParse(args, environmentToken, Environment.GetEnvironmentVariable(TwinOptions.TipAuthVariable), out TwinOptions options, out string message))
            {
                return UsageError(error, message + "\n" + TwinOptions.Usage);
            }

            if (options.Help)
            {
                output.WriteLine(TwinOptions.Usage);
                return TwinExitCode.Done;
            }

            if (options.CheckCredentials)
            {
                return TwinCredentialCheck.Run(options, output, error, cancel);
            }

            if (options.CheckConfigFile != null)
            {
                return TwinConfigCheck.Run(options.CheckConfigFile, options, output, error);
            }

            int rc = options.ConfigFile != null ? TwinConfigCheck.Apply(options.ConfigFile, options, error) : TwinExitCode.Done;
            if (rc != TwinExitCode.Done)
            {
                return rc;
            }

            var log = new ConsoleLog(output, options.Verbose ? LogLevel.Debug : LogLevel.Info);
            log.AddSecret(options.Token, options.AuthHash);
            bool tip = (options.Transport ?? NodeConfig.TransportTagoTip) == NodeConfig.TransportTagoTip;
            EmbeddedBroker embedded = null;
            try
            {
                // Stable for this machine, like the device's MAC-derived id: 8 hex digits of a hash of the host name.
                string clientId = (tip ? options.Serial : null) ?? options.ClientId
                    ?? "twin-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Environment.MachineName)), 0, 4).ToLowerInvariant();
                int seed = options.Seed ?? TwinOptions.DefaultSeed(clientId, DateTime.UtcNow.Ticks);
                string credential = tip ? options.AuthHash : options.Token, caPem = null, host = options.Broker;
                int port = options.Port != 0 ? options.Port : options.Plaintext ? 1883 : 8883;
                if (host == null && tip)
                {
                    var tipServer = await new TagoTipServer
                    {
                        Serial = clientId,
                        Hash = options.AuthHash,
                        Fault = options.TipFault,
                        Seed = seed,
                    }.StartAsync(log.Info).ConfigureAwait(false);
                    log.Info("embedded TagoTiP server on mqtts://" + tipServer.Host + ":" + tipServer.Port + " (TLS, generated CA): serial " + tipServer.Serial
                        + ", authorization hash " + (options.AuthHash == null ? "generated" : "given") + " (never shown); closes a connection after 10 s or 5 s idle, 5 subscription requests a minute"
                        + (options.TipFault != null ? "; fault " + options.TipFault.Value.Kind + " with probability " + Format(options.TipFault.Value.Probability) : string.Empty));
                    (embedded, credential) = (tipServer, tipServer.Hash);
                }
                else if (host == null)
                {
                    var broker = await TagoLikeBroker.StartAsync(log.Info, options.Token).ConfigureAwait(false);
                    log.Info("embedded TagoIO-like broker on mqtts://" + broker.Host + ":" + broker.Port + " (TLS, generated CA), user 'Token', token " + TagoLikeBroker.Redact(broker.Token));
                    (embedded, credential) = (broker, broker.Token);
                }
                else
                {
                    if (TwinOptions.MissingCredentials(options, tip) is string problem)
                    {
                        return UsageError(error, problem);
                    }

                    if (!options.Plaintext && !ReadCaFile(options, error))
                    {
                        return TwinExitCode.UsageError;
                    }

                    caPem = options.Plaintext ? null : options.CaPem;
                    if (!options.Plaintext && caPem == null)
                    {
                        log.Info("no --ca: the broker certificate is validated against the operating system's trust store");
                    }
                }

                log.AddSecret(credential); // a generated hash or token
                (host, port, caPem) = embedded == null ? (host, port, caPem) : (embedded.Host, embedded.Port, embedded.CaPem);
                NodeConfig config = TwinNodeSettings.Connect(options.Node.Config, host, port, !options.Plaintext, caPem, clientId, tip ? null : credential);
                config.Set(ConfigKeys.Transport, tip ? NodeConfig.TransportTagoTip : NodeConfig.TransportMqttJson);
                if (tip)
                {
                    config.Set(ConfigKeys.TagoTipSerial, clientId);
                    config.Set(ConfigKeys.TagoTipAuthHash, credential);
                    config.Set(ConfigKeys.TagoTipRegion, options.Region ?? config.Text(ConfigKeys.TagoTipRegion));
                    // The embedded server's default: data soon, and under its 5 subscription requests a minute.
                    config.Set(ConfigKeys.TagoTipMinSession, options.Broker == null && options.ConfigFile == null ? 15 : config.Int(ConfigKeys.TagoTipMinSession));
                }

                config.Set(ConfigKeys.DeepSleep, options.Sleep);
                options.Overlay.ForEach(set => set(config));
                int minInterval = Math.Max(1, NodeConfigValidator.MinIntervalSeconds(config, out string minReason));
                if (config.Flag(ConfigKeys.DeepSleep) && ConfigKeys.SleepWakeInterval.Min > minInterval)
                {
                    (minInterval, minReason) = (ConfigKeys.SleepWakeInterval.Min, "that is the shortest deep-sleep wake interval");
                }

                double realInterval = options.Sleep && !options.Given.Contains("--interval")
                    ? config.Int(ConfigKeys.SleepWakeInterval) : options.IntervalSeconds;
                double scale = options.Node.TimeScale;
                if (!options.Given.Contains("--time-scale") && realInterval < minInterval)
                {
                    // The read pipeline needs its reads (DHT22: 6 reads 2 s apart): run simulated time faster instead.
                    scale = minInterval / realInterval;
                    log.Info("--interval " + Format(realInterval) + " s is below the " + minInterval + " s minimum (" + minReason + "): simulated time runs x" + Format(scale) + " (add --time-scale to choose)");
                }

                if (scale != 1.0)
                {
                    log.Info("time scale x" + Format(scale) + ": network timeouts stay in real time, the 1-30 s backoff runs in simulated time ("
                        + Format(1 / scale) + "-" + Format(30 / scale) + " s real); durations in node log lines are real (\"ms real\")");
                }

                int simulatedInterval = (int)Math.Round(realInterval * scale);
                if (simulatedInterval < minInterval)
                {
                    return UsageError(error, "--interval " + Format(realInterval) + " s at --time-scale " + Format(scale) + " is " + simulatedInterval + " simulated s: must be at least " + minInterval + " s because " + minReason);
                }

                config.Set(options.Sleep ? ConfigKeys.SleepWakeInterval : ConfigKeys.SamplingInterval, simulatedInterval);

                TwinNodeSettings settings = options.Node;
                string dataDir = options.NoPersist ? null : Path.GetFullPath(settings.DataDirectory ?? Path.Combine(".tago-twin", Regex.Replace(clientId, "[^A-Za-z0-9._-]", "_")));
                config.Set(ConfigKeys.QueuePersist, dataDir != null);
                log.Info(dataDir == null ? "persistence off (--no-persist): queue and command overrides live in RAM only" : "persistence: " + dataDir + " (queue.log, overrides.bin)");
                (settings.MacClientId, settings.DataDirectory, settings.TimeScale, settings.Seed) = (clientId, dataDir, scale, seed);
                settings.AnchorClock();
                log.Info("seed " + settings.Seed + (options.Seed.HasValue ? " (--seed)" : " (from the client id and the start time; --seed " + settings.Seed + " repeats it)"));
                log.Info("node " + clientId + ": " + (options.Sleep ? "battery mode, wake every " : "sampling every ") + simulatedInterval + " s"
                    + (scale != 1.0 ? " simulated (time scale x" + Format(scale) + ": " + Format(simulatedInterval / scale) + " s real)" : string.Empty)
                    + ", batch " + config.Int(ConfigKeys.SamplingBatch) + " readings, QoS " + config.Int(ConfigKeys.MqttQos));
                using var timeout = options.TimeoutSeconds > 0 ? new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeoutSeconds)) : new CancellationTokenSource();
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, timeout.Token);
                TwinNode current = null;
                if (input != null)
                {
                    new Thread(() => ReadCommands(input, log, () => Volatile.Read(ref current))) { IsBackground = true, Name = "stdin commands" }.Start();
                }

                if (options.Sleep && dataDir == null)
                {
                    log.Write(LogLevel.Warning, "--sleep with --no-persist: deep sleep keeps no RAM, so every wake starts with an empty queue");
                }

                // A battery wake is a fresh node over the same data directory (deep sleep keeps only the flash).
                int acked = 0;
                int? result = null;
                SessionState state = SessionState.Stopped;
                for (int wake = 1; ; wake++)
                {
                    settings.BootReason = wake == 1 ? BootReason.PowerOnOrReset : BootReason.TimerWake;
                    if (options.Sleep)
                    {
                        log.Info("--- wake " + wake + " (" + (wake == 1 ? "power-on" : "timer wake from deep sleep") + ") ---");
                    }

                    double wakeClock;
                    using (var node = new TwinNode(settings, log))
                    {
                        Volatile.Write(ref current, node);
                        await node.RunAsync(n => n.Node.SleepRequested || (result = StopCode(options, log, n, acked + n.AckedPayloads)) != null, linked.Token).ConfigureAwait(false);
                        (acked, state) = (acked + node.AckedPayloads, node.Node.Supervisor.State);
                        Volatile.Write(ref current, null);
                        if (!node.Node.SleepRequested)
                        {
                            break; // not battery mode, count reached, refusal, TLS failure, timeout or Ctrl+C
                        }

                        int sleepMs = node.Node.SleepMilliseconds;
                        wakeClock = node.Clock.ToRealMs(sleepMs);
                        log.Info("wake " + wake + " done: " + node.Node.Sampler.CyclesCompleted + " sample cycle(s), " + node.AckedPayloads + " payload(s) acknowledged, "
                            + node.Node.Queue.Count + " reading(s) kept in " + (dataDir ?? "RAM") + "; deep sleep " + sleepMs + " ms ("
                            + Format(wakeClock / 1000.0) + " s real)");
                        if ((options.Count > 0 && acked >= options.Count) || (options.Wakes > 0 && wake >= options.Wakes))
                        {
                            log.Info("done: " + (options.Count > 0 && acked >= options.Count ? string.Empty : wake + " wake(s), ") + acked + " payload(s) acknowledged");
                            return TwinExitCode.Done;
                        }
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(wakeClock), linked.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    if (linked.IsCancellationRequested)
                    {
                        break; // Ctrl+C or --timeout during deep sleep
                    }
                }

                if (result == null && timeout.IsCancellationRequested && !cancel.IsCancellationRequested)
                {
                    // Without --count there is no target to fall short of: the summary is what was acknowledged.
                    log.Write(LogLevel.Error, "timeout: " + acked + (options.Count > 0 ? " of " + options.Count : string.Empty) + " payload(s) acknowledged after "
                        + Format(options.TimeoutSeconds) + " s (state " + state + ")");
                    return TwinExitCode.Timeout;
                }

                return result ?? TwinExitCode.Done;
            }
            finally
            {
                await (embedded?.DisposeAsync() ?? ValueTask.CompletedTask).ConfigureAwait(false);
            }
        }


        // The exit code once a stop condition holds (with its log line), else null.
        private static int? StopCode(TwinOptions options, ConsoleLog log, TwinNode n, int acked)
        {
            if (options.Count > 0 && acked >= options.Count)
            {
                log.Info("done: " + acked + " payload(s) acknowledged");
                return TwinExitCode.Done;
            }

            if (!options.Stay && n.Node.Supervisor.State == SessionState.AuthFailed)
            {
                log.Write(LogLevel.Error, "exit: credentials refused by the broker (check the " + (n.Node.TagoTip != null ? "serial and the authorization hash" : "device token") + ")");
                return TwinExitCode.CredentialsRefused;
            }

            if (!options.Stay && n.TlsFailures > 0)
            {
                log.Write(LogLevel.Error, "exit: TLS/certificate failure: " + n.LastConnectFailureReason);
                return TwinExitCode.TlsFailure;
            }

            return null;
        }

        // Hands each stdin line to the running node as a command (name=value or "name value") until the input ends.
        private static void ReadCommands(TextReader input, ConsoleLog log, Func<TwinNode> current)
        {
            try
            {
                for (string line; (line = input.ReadLine()) != null; )
                {
                    string[] parts = line.Trim().Split(new[] { '=', ' ' }, 2, StringSplitOptions.TrimEntries);
                    string name = parts[0], payload = parts.Length > 1 ? parts[1] : string.Empty;
                    TwinNode node = current();
                    if (name.Length == 0 || name.IndexOfAny(new[] { '/', '+', '#' }) >= 0)
                    {
                        if (name.Length > 0 || parts.Length > 1) // not a blank line
                        {
                            log.Write(LogLevel.Warning, "stdin: not a command (use name=value, e.g. interval=30)");
                        }
                    }
                    else if (node == null)
                    {
                        log.Write(LogLevel.Warning, "stdin: no node running, '" + name + "' dropped");
                    }
                    else
                    {
                        log.Info("stdin: command on " + node.InjectCommand(name, payload) + (payload.Length > 0 ? ": " + payload : string.Empty));
                    }
                }
            }
            catch (IOException)
            {
                // stdin closed under us: no more commands.
            }
        }

        /// <summary>Reads and checks the --ca file into <see cref="TwinOptions.CaPem"/>; false after writing why it is unusable.</summary>
        internal static bool ReadCaFile(TwinOptions options, TextWriter error)
        {
            if (options.CaFile == null)
            {
                return true;
            }

            if (!File.Exists(options.CaFile))
            {
                error.WriteLine("error: --ca file '" + options.CaFile + "' does not exist");
                return false;
            }

            options.CaPem = File.ReadAllText(options.CaFile);
            ConfigResult issues = new ConfigResult(null);
            CaPinnedValidator.Check(options.CaPem, "--ca file '" + options.CaFile + "'", issues);
            Array.ForEach(issues.Lines(), error.WriteLine);

            return issues.IsValid;
        }

        private static int UsageError(TextWriter error, string message)
        {
            error.WriteLine("error: " + message);
            return TwinExitCode.UsageError;
        }

        internal static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
