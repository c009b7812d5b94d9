using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using TagoFirmware.Host.Cli;

namespace TagoFirmware.Host
{
    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
            using var cancel = new CancellationTokenSource();
            // Ctrl+C (SIGINT) and SIGTERM (docker stop, kill) get the same orderly stop: flush, "offline" status, DISCONNECT, exit 0.
            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                cancel.Cancel();
            }

            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            try
            {
                return await TwinApp.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable(TwinOptions.TokenVariable), cancel.Token, Console.In).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine("internal error: " + ex.GetType().Name + ": " + ex.Message);
                return TwinExitCode.InternalError;
            }
        }
    }
}
