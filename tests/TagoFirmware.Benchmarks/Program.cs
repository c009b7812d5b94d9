using BenchmarkDotNet.Running;

namespace TagoFirmware.Benchmarks
{
    /// <summary>Entry point: BenchmarkDotNet's switcher, so benchmarks are picked with --filter.</summary>
    public static class Program
    {
        /// <summary>Runs the benchmarks chosen on the command line.</summary>
        public static void Main(string[] args)
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
