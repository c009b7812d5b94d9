using System;
using System.IO;
using System.Text;
using System.Threading;
using TagoFirmware.Connection;
using TagoFirmware.Host.Adapters;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Host.Cli
{
    /// <summary><c>--check-credentials</c>: one TagoTiP session, one frame without <c>!N</c> and a verdict; never prints a secret.</summary>
    public static class TwinCredentialCheck
    {
        /// <summary>Runs the check against the region's endpoint (or --broker): exit 0 accepted, 3 refused, 4 TLS, 5 no verdict.</summary>
        public static int Run(TwinOptions options, TextWriter output, TextWriter error, CancellationToken cancel)
        {
            if (!options.Plaintext && !TwinApp.ReadCaFile(options, error))
            {
                return TwinExitCode.UsageError;
            }

            (bool plaintext, string serial, TagoTipCredentials tip) = (options.Plaintext, options.Serial, TagoTipCredentials.Create(options.Serial, options.AuthHash));
            var request = new SessionOptions
            {
                Host = options.Broker ?? "mqtt.tip." + (options.Region ?? "us-e1") + ".tago.io", Port = options.Port != 0 ? options.Port : plaintext ? 1883 : 8883,
                UseTls = !plaintext, CaCertificatesPem = plaintext ? null : options.CaPem, ClientId = serial, Username = tip.UserName,
                Password = tip.Password, KeepAliveSeconds = 4, MqttConnectTimeoutMs = 15000, ShortSessions = true,
            };
            double waitSeconds = options.TimeoutSeconds > 0 ? options.TimeoutSeconds : 30;
            output.WriteLine("checking TagoTiP credentials of serial " + serial + " against " + (plaintext ? "mqtt://" : "mqtts://") + request.Host + ":" + request.Port
                + (plaintext ? string.Empty : request.CaCertificatesPem == null ? " (OS trust store)" : " (--ca)"));
            using var link = new MqttNetLink(16);
            var e = new LinkEvent();
            foreach (int level in new[] { 4, 5, 3 })
            {
                request.ProtocolLevel = level;
                if (!link.BeginConnect(request) || !Next(link, e, 20, cancel, LinkEventKind.ConnectSucceeded, LinkEventKind.ConnectRefused, LinkEventKind.ConnectFailed))
                {
                    return Verdict(output, TwinExitCode.Timeout, "no answer to the connect");
                }

                if (e.Kind == LinkEventKind.ConnectSucceeded)
                {
                    break;
                }

                if (e.Failure == ConnectFailure.Tls)
                {
                    return Verdict(output, TwinExitCode.TlsFailure, "TLS failure: " + link.LastFailureReason + " (get and check the CA chain: docs/tagoio-setup.md)");
                }

                // MQTT 3.1.1 CONNACK 4/5, MQTT 5 0x86/0x87: the credentials; 1 or 0x84: the version.
                if (e.Kind == LinkEventKind.ConnectRefused && e.ReasonCode is not (1 or 0x84))
                {
                    return Verdict(output, TwinExitCode.CredentialsRefused, e.ReasonCode is 4 or 5 or 0x86 or 0x87
                        ? "credentials refused at connect (" + link.LastFailureReason + "): the hash is not an Authorization TagoIO knows (check the hash, or derive it again from the token)"
                        : "connection refused (" + link.LastFailureReason + ")");
                }

                output.WriteLine("MQTT " + ConnectionStates.VersionName(level) + " not accepted (" + link.LastFailureReason + ")");
            }

            if (e.Kind != LinkEventKind.ConnectSucceeded)
            {
                return Verdict(output, TwinExitCode.Timeout, "no MQTT version was accepted (3.1.1, 5, 3.1): is this a TagoTiP endpoint?");
            }

            output.WriteLine("connected with MQTT " + ConnectionStates.VersionName(request.ProtocolLevel));
            link.Subscribe(tip.AckTopic, 1);
            if (Next(link, e, 15, cancel, LinkEventKind.Subscribed, LinkEventKind.Closed) && e.Kind == LinkEventKind.Subscribed && e.ReasonCode > 2)
            {
                return Verdict(output, TwinExitCode.Timeout, "the ack topic subscription was refused (" + e.ReasonCode + "): the subscription rate limit of the profile, or a serial that is not a device of this Authorization's profile; try again in a minute");
            }

            link.Publish(tip.PushTopic, Encoding.UTF8.GetBytes("[credentials_check?=true]"), 1);
            string ack = null;
            while (ack == null && Next(link, e, waitSeconds, cancel, LinkEventKind.MessageReceived, LinkEventKind.Closed) && e.Kind == LinkEventKind.MessageReceived)
            {
                string text = Encoding.UTF8.GetString(e.Payload);
                ack = text.StartsWith("CMD|", StringComparison.Ordinal) ? null : text;
            }

            return ack != null ? Judge(ack, serial, output)
                : e.Kind == LinkEventKind.Closed ? Verdict(output, TwinExitCode.Timeout, "the connection closed before a receipt")
                : Verdict(output, TwinExitCode.Timeout, "no receipt within " + waitSeconds + " s: the broker took the frame but TagoIO did not answer on " + tip.AckTopic);
        }

        // Takes link events until one of kinds (true) or the time is up or the run cancelled (false).
        private static bool Next(MqttNetLink link, LinkEvent e, double seconds, CancellationToken cancel, params LinkEventKind[] kinds)
        {
            DateTime until = DateTime.UtcNow.AddSeconds(seconds);
            while (!cancel.IsCancellationRequested && DateTime.UtcNow < until)
            {
                if (!link.TryTakeEvent(e))
                {
                    WaitHandle.WaitAny(new[] { link.Arrived, cancel.WaitHandle }, 100);
                }
                else if (Array.IndexOf(kinds, e.Kind) >= 0)
                {
                    return true;
                }
            }

            e.Kind = LinkEventKind.None;
            return false;
        }

        private static int Judge(string ack, string serial, TextWriter output)
        {
            string code = ack.StartsWith("ERR|", StringComparison.Ordinal) ? ack.Substring(4) : ack;
            return ack.StartsWith("OK|", StringComparison.Ordinal) || ack == "OK" ? Verdict(output, TwinExitCode.Done, "credentials accepted: TagoIO stored the frame (" + ack + ")")
                : code == "invalid_token" ? Verdict(output, TwinExitCode.CredentialsRefused, "credentials refused (ERR|invalid_token): the hash belongs to no Authorization")
                : code == "device_not_found" ? Verdict(output, TwinExitCode.CredentialsRefused, "credentials refused (ERR|device_not_found): serial " + serial + " is not a TagoTiP device of this Authorization's profile")
                : Verdict(output, TwinExitCode.Timeout, "no verdict (" + ack + "): the credentials passed the connect, but the frame was not stored; try again later");
        }

        private static int Verdict(TextWriter output, int exitCode, string text)
        {
            output.WriteLine("verdict: " + text);
            return exitCode;
        }
    }
}
