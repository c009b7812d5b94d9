namespace TagoFirmware.Host.Cli
{
    /// <summary>Process exit codes of the twin (the CLI contract in docs/twin.md).</summary>
    public static class TwinExitCode
    {
        /// <summary>Done: --count reached, or the run was stopped.</summary>
        public const int Done = 0;

        /// <summary>Unexpected internal failure.</summary>
        public const int InternalError = 1;

        /// <summary>Usage or configuration error; the message names the option or field.</summary>
        public const int UsageError = 2;

        /// <summary>The broker refused the credentials.</summary>
        public const int CredentialsRefused = 3;

        /// <summary>TLS handshake or certificate validation failed.</summary>
        public const int TlsFailure = 4;

        /// <summary>--timeout elapsed before --count was reached.</summary>
        public const int Timeout = 5;
    }
}
