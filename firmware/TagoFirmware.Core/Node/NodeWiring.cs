using System;
using TagoFirmware.Commands;
using TagoFirmware.Common;
using TagoFirmware.Config;
using TagoFirmware.Diagnostics;
using TagoFirmware.Readings;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Node
{
    /// <summary>What <see cref="SensorNode"/> does once: maps the configuration onto the connection's options, builds the pipelines, loads and logs what was kept.</summary>
    public static class NodeWiring
    {
        // Log texts by ReadingLoadResult value.
        private static readonly string[] s_loadResults = ("in RAM only|log created|log restored|log restored with damage"
            + "|log of another format replaced|storage read-only, sending from RAM|flash unreadable, running in RAM").Split('|');

        /// <summary>QoS 1 publishes awaiting their PUBACK at most: a data batch, a diagnostics payload, a <c>ping</c> status.</summary>
        public const int MaxInFlightPublishes = 3;

        /// <summary><c>tago-</c> + the eFuse MAC's 12 lowercase hex digits: stable, unique, topic-safe, 17 characters (MQTT 3.1.1 §3.1.3.1 allows 23); null for no or an all-zero MAC.</summary>
        public static string ClientIdFromMac(byte[] mac)
        {
            if (mac == null || mac.Length != 6)
            {
                return null;
            }

            int any = 0;
            string id = "tago-";
            for (int i = 0; i < 6; i++)
            {
                any |= mac[i];
                id += mac[i].ToString("x2");
            }

            return any == 0 ? null : id;
        }

        /// <summary>The uplink transport the config names: TagoTiP frames, or TagoIO's legacy MQTT topics with JSON.</summary>
        public static UplinkTransport CreateTransport(NodeConfig config, string clientId) => config.UsesTagoTip
            ? UplinkTransport.TagoTip(TagoFirmware.TagoTip.TagoTipCredentials.Create(config.Text(ConfigKeys.TagoTipSerial), config.Text(ConfigKeys.TagoTipAuthHash)))
            : UplinkTransport.TagoMqttJson(clientId, config.Text(ConfigKeys.MqttDataTopic), config.Text(ConfigKeys.MqttStatusTopic), config.Text(ConfigKeys.MqttCommandTopic));

        /// <summary>Maps the configuration onto the connection's options; PEM CA entries are joined (README "CA certificates").</summary>
        public static SessionOptions CreateSessionOptions(NodeConfig config, string clientId)
        {
            SessionOptions o = new SessionOptions();
            bool tip = config.UsesTagoTip;
            o.Host = config.MqttHost;
            o.Port = config.Int(ConfigKeys.MqttPort);
            o.UseTls = config.Flag(ConfigKeys.MqttTls);
            // TagoTiP: the transport derives the MQTT credentials from the hash; keepalive 4 s because TagoIO closes a connection idle for 5 s.
            o.ShortSessions = tip;
            o.Password = config.Text(tip ? ConfigKeys.TagoTipAuthHash : ConfigKeys.Token);
            o.ClientId = clientId;
            o.Qos = tip ? 1 : config.Int(ConfigKeys.MqttQos);
            o.KeepAliveSeconds = tip ? 4 : config.Int(ConfigKeys.MqttKeepAlive);
            o.WifiConnectTimeoutMs = config.Int(ConfigKeys.TimeoutWifiConnect) * 1000;
            o.AuthRetryIntervalMs = config.Int(ConfigKeys.TimeoutAuthRetry) * 1000;
            o.AckTimeoutMs = config.Int(ConfigKeys.TimeoutAck) * 1000;
            o.NoAckRebootMs = config.Int(ConfigKeys.TimeoutRebootAfter) * 1000;
            o.MaxInFlight = MaxInFlightPublishes;
            o.ProtocolLevel = config.Int(ConfigKeys.MqttProtocol);

            string[] cas = config.CaCertificates;
            for (int i = 0; cas != null && i < cas.Length; i++)
            {
                if (cas[i] != null && ConfigText.IsPem(cas[i]))
                {
                    o.CaCertificatesPem = o.CaCertificatesPem == null ? cas[i] : o.CaCertificatesPem + "\n" + cas[i];
                }
            }

            return o;
        }

        /// <summary>The command processor; a changed configuration file (its bytes, or null) resets the overrides.</summary>
        public static CommandProcessor CreateCommands(NodeConfig config, byte[] configFileBytes, string commandFilter,
            DiagnosticsCounters counters, NodePorts ports)
        {
            bool battery = config.Flag(ConfigKeys.DeepSleep);
            // The read pipelines' minimum (at least the table's), in battery mode at least the minimum wake interval.
            string reason;
            int min = NodeConfigValidator.MinIntervalSeconds(config, out reason);
            min = battery && min < ConfigKeys.SleepWakeInterval.Min ? ConfigKeys.SleepWakeInterval.Min : min;
            // The overrides record names the config file by its CRC-32 (0 without one).
            uint fingerprint = configFileBytes == null ? 0 : Crc32.Compute(configFileBytes, 0, configFileBytes.Length);
            return new CommandProcessor(new CommandParser(commandFilter, min), ports.OverrideStore, fingerprint,
                battery ? config.Int(ConfigKeys.SleepWakeInterval) : config.Int(ConfigKeys.SamplingInterval), config.Int(ConfigKeys.SamplingBatch), counters, ports.Log);
        }

        /// <summary>Logs the configuration (secrets masked), loads the queue log, overrides and TagoTiP sequence, logs them and sets the boot reason. Never throws.</summary>
        public static void Load(NodeConfig config, string clientId, ReadingQueue queue, CommandProcessor commands, TagoTipUplink tip,
            DiagnosticsCounters counters, NodePorts ports)
        {
            ILog log = ports.Log;
            try
            {
                string[] summary = config.Summary(clientId);
                for (int i = 0; log != null && i < summary.Length; i++)
                {
                    log.Write(LogLevel.Info, summary[i]);
                }

                queue.Log = log;
                ReadingLoadResult load = queue.Load();
                Write(log, LogLevel.Info, "queue: " + s_loadResults[(int)load] + ", " + queue.Count.ToString() + " readings restored, boot "
                    + queue.BootCounter.ToString() + (queue.UntimedReadings > 0 ? ", " + queue.UntimedReadings.ToString() + " untimed dropped" : string.Empty)
                    + (queue.SkippedRecords > 0 ? ", " + queue.SkippedRecords.ToString() + " damaged records skipped" : string.Empty));

                string loaded = commands.Load();
                Write(log, loaded == "applied" ? LogLevel.Info : LogLevel.Warning, loaded == null ? null : "overrides: " + loaded);
                // The configuration's summary above lists the rest; these are the values in force.
                Write(log, LogLevel.Info, "node start: interval " + commands.IntervalSeconds.ToString() + " s (minimum "
                    + commands.MinIntervalSeconds.ToString() + " s), batch " + commands.BatchSize.ToString()
                    + (ports.OverrideStore == null ? "; no override store: commands hold until reboot" : string.Empty));
            }
            catch (Exception ex)
            {
                Fail(log, ex, "Start");
            }

            if (tip != null)
            {
                tip.Load();
            }

            counters.BootReason = ports.Platform == null ? BootReason.PowerOnOrReset : ports.Platform.BootReason;
        }

        /// <summary>Once the wall clock is valid, gives readings taken before it their time.</summary>
        public static void FillInTimes(ReadingQueue queue, IClock clock, long nowMs, ILog log)
        {
            long wallMs = WallMs(clock);
            if (wallMs < 0)
            {
                return;
            }

            int waiting = queue.UntimedCount;
            int filled = queue.OnClockSynced(wallMs, (uint)nowMs);
            if (waiting > 0)
            {
                Write(log, LogLevel.Info, "clock valid: " + filled.ToString() + " readings taken before the sync got their time");
            }
        }

        // Unix ms of the wall clock, -1 while it is not valid.
        internal static long WallMs(IClock clock)
        {
            DateTime utc = clock.UtcNow;
            return WallClock.IsValid(utc) ? WallClock.ToUnixMs(utc) : -1;
        }

        internal static long Min(long a, long b) => a < b ? a : b;

        internal static void Fail(ILog log, Exception ex, string where) => Write(log, LogLevel.Error, "node error: " + ex.GetType().Name + " in " + where);

        internal static void Write(ILog log, LogLevel level, string message)
        {
            if (log != null && message != null)
            {
                log.Write(level, message);
            }
        }
    }
}
