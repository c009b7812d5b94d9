using System;
using System.IO;
using System.Text;
using System.Threading;
using TagoFirmware.Host.Adapters;
using TagoFirmware.Host.Node;

namespace TagoFirmware.Host.Cli
{
    /// <summary>
    /// Reads downlink commands from the twin's stdin, one a line: <c>interval=30</c>, <c>batch 5</c>, <c>ping</c>,
    /// <c>diagnostics</c>, <c>reboot</c>. The part before <c>=</c> (or the first space) is the command topic's last
    /// level, the rest the payload exactly as the command topic takes it (a bare value, or JSON). Each line is handed
    /// to the running node as if the broker had delivered it, whichever broker the twin uses.
    /// </summary>
    public sealed class TwinCommandInput
    {
        private readonly ConsoleLog _log;
        private TwinNode _node;

        /// <summary>Creates the reader.</summary>
        /// <param name="log">Where the "stdin:" lines go (secrets are masked by the log).</param>
        public TwinCommandInput(ConsoleLog log)
        {
            _log = log;
        }

        /// <summary>The node that receives the commands (a battery run has a new one per wake); null drops them.</summary>
        public TwinNode Node
        {
            get => Volatile.Read(ref _node);
            set => Volatile.Write(ref _node, value);
        }

        /// <summary>Splits one input line into a command name and payload.</summary>
        /// <param name="line">The line.</param>
        /// <param name="name">The command name.</param>
        /// <param name="payload">The payload text (may be empty).</param>
        /// <returns>False for a blank line or one whose name is not a single topic level.</returns>
        public static bool TryParse(string line, out string name, out string payload)
        {
            name = null;
            payload = null;
            string text = line?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return false;
            }

            int split = text.IndexOfAny(new[] { '=', ' ' });
            name = split < 0 ? text : text.Substring(0, split).Trim();
            payload = split < 0 ? string.Empty : text.Substring(split + 1).Trim();
            return name.Length > 0 && name.IndexOfAny(new[] { '/', '+', '#' }) < 0;
        }

        /// <summary>Starts reading <paramref name="input"/> on a background thread until it ends.</summary>
        /// <param name="input">Standard input.</param>
        public void Start(TextReader input)
        {
            var thread = new Thread(() => Read(input)) { IsBackground = true, Name = "stdin commands" };
            thread.Start();
        }

        private void Read(TextReader input)
        {
            try
            {
                string line;
                while ((line = input.ReadLine()) != null)
                {
                    Handle(line);
                }
            }
            catch (IOException)
            {
                // stdin closed under us: no more commands.
            }
        }

        /// <summary>Hands one line to the node.</summary>
        /// <param name="line">The line.</param>
        public void Handle(string line)
        {
            if (!TryParse(line, out string name, out string payload))
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    _log.Warn("stdin: not a command (use name=value, e.g. interval=30)");
                }

                return;
            }

            TwinNode node = Node;
            if (node == null)
            {
                _log.Warn("stdin: no node running, '" + name + "' dropped");
                return;
            }

            string topic = node.InjectCommand(name, Encoding.UTF8.GetBytes(payload));
            _log.Info("stdin: command on " + topic + (payload.Length > 0 ? ": " + payload : string.Empty));
        }
    }
}
