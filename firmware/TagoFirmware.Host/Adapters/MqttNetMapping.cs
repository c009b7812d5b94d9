using System;
using System.Net.Sockets;
using System.Security.Authentication;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using TagoFirmware.Connection;
using TagoFirmware.Host.Tls;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>Translations between the core's terms and MQTTnet 5's, for <see cref="MqttNetLink"/>: options, codes, exceptions.</summary>
    public static class MqttNetMapping
    {
        /// <summary>The CONNECT options: credentials, clean session, keep-alive, the will (never retained) and TLS.</summary>
        public static MqttClientOptions For(MqttConnectRequest request, int timeoutMs, int protocolLevel, CaPinnedValidator validator)
        {
            MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
                .WithTcpServer(request.Host, request.Port)
                .WithClientId(request.ClientId)
                .WithCredentials(request.Username, request.Password)
                .WithCleanSession(request.CleanSession)
                .WithKeepAlivePeriod(TimeSpan.FromSeconds(request.KeepAliveSeconds > 0 ? request.KeepAliveSeconds : 60))
                .WithTimeout(TimeSpan.FromMilliseconds(timeoutMs))
                .WithProtocolVersion(protocolLevel == 5 ? MqttProtocolVersion.V500 : protocolLevel == 3 ? MqttProtocolVersion.V310 : MqttProtocolVersion.V311);
            if (request.WillTopic != null)
            {
                builder = builder.WithWillTopic(request.WillTopic)
                    .WithWillPayload(System.Text.Encoding.UTF8.GetBytes(request.WillMessage ?? string.Empty))
                    .WithWillQualityOfServiceLevel(Qos(request.WillQos))
                    .WithWillRetain(false); // TagoIO has no retain; a strict broker refuses a retained will
            }

            if (validator != null)
            {
                builder = builder.WithTlsOptions(o => o
                    .UseTls(true)
                    .WithTargetHost(request.Host)
                    .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
                    .WithCertificateValidationHandler(args => validator.Validate(args.Certificate, args.Chain, args.SslPolicyErrors)));
            }

            return builder.Build();
        }

        /// <summary>The granted QoS of a SUBACK item: MQTTnet's result codes are the wire values (0-2 granted, 0x80+ refused).</summary>
        public static int GrantedQos(MqttClientSubscribeResultCode code) => (int)code;

        /// <summary>MQTTnet reports 3.1.1 CONNACK codes in MQTT 5 terms; maps them back (MQTT 3.1.1 §3.2.2.3, MQTT 5 §3.2.2.2).</summary>
        public static int ToMqtt311Code(MqttClientConnectResultCode code) => code switch
        {
            MqttClientConnectResultCode.UnsupportedProtocolVersion => 1,
            MqttClientConnectResultCode.ClientIdentifierNotValid => 2,
            MqttClientConnectResultCode.ServerUnavailable => 3,
            MqttClientConnectResultCode.BadUserNameOrPassword => 4,
            MqttClientConnectResultCode.NotAuthorized => 5,
            _ => (int)code,
        };

        /// <summary>The QoS level for 0 or 1.</summary>
        public static MqttQualityOfServiceLevel Qos(int qos) => qos == 1 ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce;

        /// <summary>What an exception of <c>ConnectAsync</c> means, in the core's terms.</summary>
        public static ConnectError Describe(Exception ex, bool connectSent, CaPinnedValidator validator, out int socketCode, out string reason)
        {
            socketCode = 0;
            if (validator?.LastFailure != null)
            {
                reason = validator.LastFailure;
                return validator.LastFailureError;
            }

            reason = ex.GetType().Name + ": " + ex.Message;
            ConnectError error = ConnectError.Other;
            bool dropped = false; // the server closed or reset the connection
            for (Exception e = ex; e != null && error == ConnectError.Other; e = e.InnerException)
            {
                if (e is AuthenticationException)
                    error = TlsRefusal(e, out reason);
                else if (e is SocketException se)
                {
                    bool lookup = se.SocketErrorCode is SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData;
                    error = lookup ? ConnectError.Lookup : ConnectError.Socket;
                    socketCode = lookup ? 0 : Math.Abs(se.ErrorCode); // host codes are never mbedTLS's
                    reason = "socket error " + se.SocketErrorCode;
                    dropped = se.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted;
                }
                else if (e is MqttProtocolViolationException)
                    error = ConnectError.Protocol;
                else if (e is MqttCommunicationTimedOutException or TimeoutException or OperationCanceledException)
                {
                    error = ConnectError.Timeout;
                    reason = "timed out";
                }
                else if (e is System.IO.IOException && e.InnerException == null)
                {
                    dropped = true; // end of stream
                }
            }

            if (connectSent && error is ConnectError.Other or ConnectError.Socket)
            {
                // The connection broke after the CONNECT left: the broker closed it without a CONNACK.
                error = ConnectError.Exchange;
                reason = "connection closed after CONNECT, no CONNACK";
            }
            else if (validator != null && dropped && error is ConnectError.Other or ConnectError.Socket)
            {
                // Closed or reset after TCP connected (a closed port refuses instead) and before TLS was done: an MQTT
                // broker's plaintext port reads the ClientHello as a malformed packet and drops the connection
                // (mosquitto resets it; MQTTnet passes the SocketException up without its IOException).
                error = ConnectError.NotTls;
                socketCode = 0;
                reason = "the server did not answer TLS (it dropped the connection in the handshake): wrong port? MQTT over TLS is usually 8883";
            }
            else if (error == ConnectError.Other && ex is MqttCommunicationException or System.IO.IOException)
                error = ConnectError.Socket;
            return error;
        }

        /// <summary>
        /// Tells a TLS version refusal and a non-TLS answer from other handshake failures. The platform reports them only
        /// in its messages: OpenSSL's "protocol version" alert (RFC 8446 §6.2, sent when no version is shared) or
        /// "unsupported protocol", SChannel's SEC_E_ALGORITHM_MISMATCH (0x80090331), and for bytes that are not a TLS
        /// record OpenSSL's "wrong version number" or .NET's "Cannot determine the frame size".
        /// </summary>
        private static ConnectError TlsRefusal(Exception authentication, out string reason)
        {
            for (Exception e = authentication; e != null; e = e.InnerException)
            {
                string message = e.Message ?? string.Empty;
                bool windowsMismatch = e is System.ComponentModel.Win32Exception w && w.NativeErrorCode == unchecked((int)0x80090331);
                if (windowsMismatch || message.Contains("protocol version", StringComparison.OrdinalIgnoreCase)
                    || message.Contains("unsupported protocol", StringComparison.OrdinalIgnoreCase))
                {
                    reason = "the server's TLS version is too old: it offers no TLS 1.2 or 1.3, which the node requires (" + message + ")";
                    return ConnectError.TlsVersion;
                }

                if (message.Contains("wrong version number", StringComparison.OrdinalIgnoreCase) || message.Contains("frame size", StringComparison.OrdinalIgnoreCase))
                {
                    reason = "the server did not answer TLS: wrong port? (" + message + ")";
                    return ConnectError.NotTls;
                }
            }

            reason = "TLS handshake failed: " + Innermost(authentication).Message;
            return ConnectError.Handshake;
        }

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null)
                ex = ex.InnerException;
            return ex;
        }
    }
}
