using BenchmarkDotNet.Running;

namespace TagoFirmware.Benchmarks
{
    /// <summary>Entry point: BenchmarkDotNet's switcher, so benchmarks are picked with --filter.</summary>
    public static class Program
    {
        /// <summary>Runs the benchmarks chosen on the command line.</summary>
        /// <param name="args">Command line: <c>queue-report [runs]</c> runs <see cref="QueueReport"/> (wire bytes and backlog
        /// replay over a real loopback broker, not a BenchmarkDotNet benchmark); anything else goes to BenchmarkDotNet.</param>
        public static void Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "queue-report")
            {
                QueueReport.Run(args);
                return;
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
