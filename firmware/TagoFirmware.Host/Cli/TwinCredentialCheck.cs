using System;
using System.IO;
using System.Security.Authentication;
using TagoFirmware.Connection;
using TagoFirmware.Host.Adapters;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;
using TagoFirmware.Host.Tls;

namespace TagoFirmware.Host.Cli
{
    /// <summary>
    /// <c>--check-credentials</c>: one TagoTiP session opened as the node opens one (docs/tagotip/transports/mqtt.md:
    /// user = first 8 hex of the hash, password = last 8, MQTT 3.1.1 then 5 and 3.1), one frame without <c>!N</c> (the
    /// node's sequence counter is left alone), and a verdict. Neither the hash nor a token is printed.
    /// </summary>
    public static class TwinCredentialCheck
    {
        /// <summary>The frame pushed: one boolean variable, visible in the device's data.</summary>
        public const string Frame = "[credentials_check?=true]";

        private static readonly int[] s_levels = { 4, 5, 3 }; // MQTT 3.1.1, 5, 3.1

        /// <summary>Runs the check against the region's endpoint (or --broker) with the CA of --ca or the OS store:
        /// exit 0 accepted, 3 refused, 4 TLS failure, 5 no verdict.</summary>
        public static async Task<int> RunAsync(TwinOptions options, TextWriter output, TextWriter error, CancellationToken cancel)
        {
            if (!options.Plaintext && !TwinApp.ReadCaFile(options, error))
            {
                return TwinExitCode.UsageError;
            }

            string caPem = options.Plaintext ? null : options.CaPem;
            string host = options.Broker ?? "mqtt.tip." + (options.Region ?? "us-e1") + ".tago.io";
            int port = options.Port != 0 ? options.Port : options.Plaintext ? 1883 : 8883;
            (bool plaintext, string serial, string hash) = (options.Plaintext, options.Serial, options.AuthHash);
            double waitSeconds = options.TimeoutSeconds > 0 ? options.TimeoutSeconds : 30;
            output.WriteLine("checking TagoTiP credentials of serial " + serial + " against " + (plaintext ? "mqtt://" : "mqtts://") + host + ":" + port
                + (plaintext ? string.Empty : caPem == null ? " (OS trust store)" : " (--ca)"));
            using var client = new MqttClientFactory().CreateMqttClient();
            var receipt = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            client.ApplicationMessageReceivedAsync += args =>
            {
                string text = Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(args.ApplicationMessage.Payload));
                if (!text.StartsWith("CMD|", StringComparison.Ordinal))
                {
                    receipt.TrySetResult(text);
                }

                return Task.CompletedTask;
            };
            CaPinnedValidator validator = plaintext ? null : CaPinnedValidator.ForPem(caPem, host);
            var request = new MqttConnectRequest
            {
                Host = host, Port = port, ClientId = serial, Username = hash.Substring(0, 8), Password = hash.Substring(8, 8), KeepAliveSeconds = 4, CleanSession = true,
            };
            string version = null;
            foreach (int level in s_levels)
            {
                string v = level == 5 ? "5" : level == 3 ? "3.1" : "3.1.1";
                MqttClientConnectResultCode? code = null;
                string problem;
                try
                {
                    MqttClientConnectResult result = await client.ConnectAsync(MqttNetMapping.For(request, 15000, level, validator), cancel).ConfigureAwait(false);
                    if (result.ResultCode == MqttClientConnectResultCode.Success)
                    {
                        version = v;
                        break;
                    }

                    code = result.ResultCode;
                    problem = "CONNACK " + code;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
                {
                    if (validator?.LastFailure != null || IsAuthentication(ex))
                    {
                        return Verdict(output, TwinExitCode.TlsFailure, "TLS failure: " + (validator?.LastFailure ?? ex.Message) + " (get and check the CA chain: docs/tagoio-setup.md)");
                    }

                    problem = ex.GetType().Name + ": " + ex.Message;
                }

                if (code == MqttClientConnectResultCode.BadUserNameOrPassword || code == MqttClientConnectResultCode.NotAuthorized)
                {
                    return Verdict(output, TwinExitCode.CredentialsRefused, "credentials refused at connect (" + code + "): the hash is not an Authorization TagoIO knows (check the hash, or derive it again from the token)");
                }

                if (code != null && code != MqttClientConnectResultCode.UnsupportedProtocolVersion)
                {
                    return Verdict(output, TwinExitCode.CredentialsRefused, "connection refused (" + code + ")");
                }

                output.WriteLine("MQTT " + v + " not accepted (" + problem + ")");
            }

            if (version == null)
            {
                return Verdict(output, TwinExitCode.Timeout, "no MQTT version was accepted (3.1.1, 5, 3.1): is this a TagoTiP endpoint?");
            }

            output.WriteLine("connected with MQTT " + version);
            try
            {
                MqttClientSubscribeResult subscribed = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                    .WithTopicFilter("$tip/" + serial + "/ack", MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancel).ConfigureAwait(false);
                foreach (MqttClientSubscribeResultItem item in subscribed.Items)
                {
                    if ((int)item.ResultCode > 2)
                    {
                        return Verdict(output, TwinExitCode.Timeout, "the ack topic subscription was refused (" + item.ResultCode + "): the subscription rate limit of the profile, or a serial that is not a device of this Authorization's profile; try again in a minute");
                    }
                }

                await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("$tip/" + serial + "/push").WithPayload(Encoding.UTF8.GetBytes(Frame))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancel).ConfigureAwait(false);
                Task done = await Task.WhenAny(receipt.Task, Task.Delay(TimeSpan.FromSeconds(waitSeconds), cancel)).ConfigureAwait(false);
                if (done != receipt.Task)
                {
                    return Verdict(output, TwinExitCode.Timeout, "no receipt within " + waitSeconds + " s: the broker took the frame but TagoIO did not answer on $tip/" + serial + "/ack");
                }

                return Judge(receipt.Task.Result, serial, output);
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException || ex is InvalidOperationException)
            {
                return Verdict(output, TwinExitCode.Timeout, "the connection closed before a receipt (" + ex.Message + ")");
            }
            finally
            {
                if (client.IsConnected)
                {
                    try
                    {
                        await client.DisconnectAsync().ConfigureAwait(false);
                    }
                    catch (MQTTnet.Exceptions.MqttCommunicationException)
                    {
                    }
                }
            }
        }

        private static int Judge(string ack, string serial, TextWriter output)
        {
            if (ack.StartsWith("OK|", StringComparison.Ordinal) || ack == "OK")
            {
                return Verdict(output, TwinExitCode.Done, "credentials accepted: TagoIO stored the frame (" + ack + ")");
            }

            string code = ack.StartsWith("ERR|", StringComparison.Ordinal) ? ack.Substring(4) : ack;
            switch (code)
            {
                case "invalid_token":
                    return Verdict(output, TwinExitCode.CredentialsRefused, "credentials refused (ERR|invalid_token): the hash belongs to no Authorization");
                case "device_not_found":
                    return Verdict(output, TwinExitCode.CredentialsRefused, "credentials refused (ERR|device_not_found): serial " + serial + " is not a TagoTiP device of this Authorization's profile");
                default:
                    return Verdict(output, TwinExitCode.Timeout, "no verdict (" + ack + "): the credentials passed the connect, but the frame was not stored; try again later");
            }
        }

        private static int Verdict(TextWriter output, int exitCode, string text)
        {
            output.WriteLine("verdict: " + text);
            return exitCode;
        }

        private static bool IsAuthentication(Exception ex) =>
            ex != null && (ex is AuthenticationException || IsAuthentication(ex.InnerException));
    }
}
