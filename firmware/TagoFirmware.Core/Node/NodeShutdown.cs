using System;
using TagoFirmware.Connection;
using TagoFirmware.Platform;
using TagoFirmware.Readings;

namespace TagoFirmware.Node
{
    /// <summary>The node's orderly end: stop (flush, "offline", DISCONNECT), reboot once the session stopped, or deep sleep.</summary>
    public sealed class NodeShutdown
    {
        private readonly ConnectionSupervisor _link;
        private readonly ReadingQueue _queue;
        private readonly NodePorts _ports;
        private RebootReason _reason = RebootReason.None;

        /// <summary>Creates the shutdown over the node's connection, queue and ports (device control, log).</summary>
        public NodeShutdown(ConnectionSupervisor link, ReadingQueue queue, NodePorts ports)
        {
            _link = link;
            _queue = queue;
            _ports = ports;
        }

        /// <summary>A stop or reboot is under way: the session is ending.</summary>
        public bool Stopping { get; private set; }

        /// <summary>The node has nothing more to do: asleep, stopped or rebooting.</summary>
        public bool Halted { get; private set; }

        /// <summary>Battery mode: the wake is done; deep-sleep for <see cref="SleepMilliseconds"/>.</summary>
        public bool SleepRequested { get; private set; }

        /// <summary>How long to deep-sleep.</summary>
        public int SleepMilliseconds { get; private set; }

        /// <summary>Starts an orderly stop (reason None) or reboot: flushes the queue, then the session publishes
        /// "offline" and disconnects. False when one is already under way.</summary>
        public bool Begin(long nowMs, RebootReason reason)
        {
            if (Stopping || Halted)
            {
                return false;
            }

            Stopping = true;
            _reason = reason;
            Flush();
            _link.Stop(nowMs, true);
            return true;
        }

        /// <summary>After the connection's step: true once the node halted (the session stopped for a stop or a
        /// self-heal reboot); a reboot is flushed and requested from the device.</summary>
        public bool Check()
        {
            if (!_link.IsStopped || (!Stopping && _link.RebootReason == RebootReason.None))
            {
                return false;
            }

            Halted = true;
            RebootReason reason = _link.RebootReason != RebootReason.None ? _link.RebootReason : _reason;
            if (reason != RebootReason.None)
            {
                Flush();
                if (_ports.Device != null)
                {
                    _ports.Device.Reboot(reason);
                }
                else
                {
                    Log(LogLevel.Error, "reboot requested but no device control");
                }
            }

            return true;
        }

        /// <summary>Ends a battery wake (the session already ended without "offline", which would flap on every wake).</summary>
        public void Sleep(string why, int sleepMs)
        {
            _queue.Flush();
            SleepMilliseconds = sleepMs;
            SleepRequested = true;
            Halted = true;
            Log(LogLevel.Info, "sleep: " + why + "; queue " + _queue.Count.ToString() + ", sleeping " + sleepMs.ToString() + " ms");
        }

        /// <summary>Makes the flash hold the queue before a reboot or stop. Never throws; safe from the watchdog's thread
        /// (per-record CRCs drop a torn record).</summary>
        public void Flush()
        {
            try
            {
                bool complete = _queue.Flush();
                Log(complete ? LogLevel.Info : LogLevel.Error, complete ? "flush: queue log complete (" + _queue.Count.ToString() + " readings queued)"
                    : "flush: queue log incomplete; unsent readings at risk");
            }
            catch (Exception ex)
            {
                Log(LogLevel.Error, "node error: " + ex.GetType().Name + " in flush");
            }
        }

        private void Log(LogLevel level, string message) => NodeWiring.Write(_ports.Log, level, message);
    }
}
