using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using TagoFirmware.Connection;
using TagoFirmware.Diagnostics;
using TagoFirmware.Host.Adapters;
using TagoFirmware.Host.Node;

namespace TagoFirmware.Host.Cli
{
    /// <summary>
    /// One run of the twin: the node (a fresh one per battery-mode wake), the downlink commands typed on stdin, and what
    /// ended the run. A stdin line <c>interval=30</c>, <c>batch 5</c>, <c>ping</c> is a command name (the command
    /// topic's last level) and its payload, handed to the node as if the broker had delivered it.
    /// </summary>
    public sealed class TwinRun
    {
        private readonly TwinOptions _options;
        private readonly ConsoleLog _log;
        private TwinNode _node;

        /// <summary>Creates the run.</summary>
        public TwinRun(TwinOptions options, ConsoleLog log)
        {
            _options = options;
            _log = log;
        }

        /// <summary>The exit code once a stop condition decided it, else null.</summary>
        public int? Result { get; private set; }

        /// <summary>Data payloads acknowledged, over every wake.</summary>
        public int Acked { get; private set; }

        /// <summary>The connection state when the run ended.</summary>
        public SessionState State { get; private set; }

        /// <summary>Splits a stdin line into a command name and payload; false for a blank line or a name that is not one topic level.</summary>
        public static bool TryParseCommand(string line, out string name, out string payload)
        {
            string text = line?.Trim() ?? string.Empty;
            int split = text.IndexOfAny(new[] { '=', ' ' });
            name = split < 0 ? text : text.Substring(0, split).Trim();
            payload = split < 0 ? string.Empty : text.Substring(split + 1).Trim();
            return name.Length > 0 && name.IndexOfAny(new[] { '/', '+', '#' }) < 0;
        }

        /// <summary>Reads commands from <paramref name="input"/> on a background thread until it ends.</summary>
        public void ReadCommands(TextReader input)
        {
            new Thread(() =>
            {
                try
                {
                    string line;
                    while ((line = input.ReadLine()) != null)
                    {
                        Command(line);
                    }
                }
                catch (IOException)
                {
                    // stdin closed under us: no more commands.
                }
            }) { IsBackground = true, Name = "stdin commands" }.Start();
        }

        /// <summary>Runs the node until a stop condition, cancellation or (battery mode) the last wake.</summary>
        public async Task RunAsync(TwinNodeSettings settings, CancellationToken cancel)
        {
            // Battery mode: each wake is a fresh node over the same data directory (a deep-sleep wake is a reboot; only
            // the flash survives); the deep sleep is a real wait of the sleep time divided by the time scale.
            if (_options.Sleep && settings.DataDirectory == null)
            {
                _log.Warn("--sleep with --no-persist: deep sleep keeps no RAM, so every wake starts with an empty queue");
            }

            for (int wake = 1; ; wake++)
            {
                settings.BootReason = wake == 1 ? BootReason.PowerOnOrReset : BootReason.TimerWake;
                if (_options.Sleep)
                {
                    _log.Info("--- wake " + wake + " (" + (wake == 1 ? "power-on" : "timer wake from deep sleep") + ") ---");
                }

                double wakeClock;
                using (var node = new TwinNode(settings, _log))
                {
                    Volatile.Write(ref _node, node);
                    await node.RunAsync(n => n.SleepRequested || ShouldStop(n, Acked), cancel).ConfigureAwait(false);
                    State = node.State;
                    Acked += node.AckedPayloads;
                    Volatile.Write(ref _node, null);
                    if (!node.SleepRequested)
                    {
                        return; // not battery mode, count reached, refusal, TLS failure, timeout or Ctrl+C
                    }

                    int sleepMs = node.Node.SleepMilliseconds;
                    wakeClock = node.Clock.ToRealMs(sleepMs);
                    _log.Info("wake " + wake + " done: " + node.Node.Sampler.CyclesCompleted + " sample cycle(s), " + node.AckedPayloads + " payload(s) acknowledged, "
                        + node.QueuedReadings + " reading(s) kept in " + (settings.DataDirectory ?? "RAM") + "; deep sleep " + sleepMs + " ms ("
                        + TwinApp.Format(wakeClock / 1000.0) + " s real)");
                }

                bool counted = _options.Count > 0 && Acked >= _options.Count;
                if (counted || (_options.Wakes > 0 && wake >= _options.Wakes))
                {
                    _log.Info("done: " + (counted ? string.Empty : wake + " wake(s), ") + Acked + " payload(s) acknowledged");
                    Result = TwinExitCode.Done;
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

        private bool ShouldStop(TwinNode n, int ackedBefore)
        {
            int acked = ackedBefore + n.AckedPayloads;
            if (_options.Count > 0 && acked >= _options.Count)
            {
                _log.Info("done: " + acked + " payload(s) acknowledged");
                Result = TwinExitCode.Done;
            }
            else if (!_options.Stay && n.State == SessionState.AuthFailed)
            {
                _log.Error("exit: credentials refused by the broker (check the " + (n.UsesTagoTip ? "serial and the authorization hash" : "device token") + ")");
                Result = TwinExitCode.CredentialsRefused;
            }
            else if (!_options.Stay && n.TlsFailures > 0)
            {
                _log.Error("exit: TLS/certificate failure: " + n.LastConnectFailureReason);
                Result = TwinExitCode.TlsFailure;
            }

            return Result != null;
        }

        private void Command(string line)
        {
            if (!TryParseCommand(line, out string name, out string payload))
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    _log.Warn("stdin: not a command (use name=value, e.g. interval=30)");
                }

                return;
            }

            TwinNode node = Volatile.Read(ref _node);
            if (node == null)
            {
                _log.Warn("stdin: no node running, '" + name + "' dropped");
                return;
            }

            string topic = node.InjectCommand(name, payload);
            _log.Info("stdin: command on " + topic + (payload.Length > 0 ? ": " + payload : string.Empty));
        }
    }
}
