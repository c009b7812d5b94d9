using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using TagoFirmware.IlCount;

namespace TagoFirmware.Benchmarks
{
    /// <summary>Entry point: BenchmarkDotNet's switcher, so benchmarks are picked with --filter.</summary>
    public static class Program
    {
        /// <summary>Runs the benchmarks chosen on the command line.</summary>
        /// <param name="args">Command line: <c>queue-report [runs]</c> runs <see cref="QueueReport"/> (wire bytes and backlog
        /// replay over a real loopback broker, not a BenchmarkDotNet benchmark); <c>il-cost [--methods] [scenario …]</c>
        /// counts the IL instructions, calls and allocations of the scenarios in <c>IlCost/</c> on an instrumented copy
        /// of the core; anything else goes to BenchmarkDotNet.</param>
        public static void Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "queue-report")
            {
                QueueReport.Run(args);
                return;
            }

            if (args.Length > 0 && args[0] == "il-cost")
            {
                Environment.ExitCode = IlCostReport.Run(Path.Combine(AppContext.BaseDirectory, "TagoFirmware.Core.dll"),
                    typeof(Program).Assembly.Location, args.Skip(1).Where(a => a != "--methods").ToList(), args.Contains("--methods"),
                    Console.Out);
                return;
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
