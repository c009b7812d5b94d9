using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TagoFirmware.IlCount
{
    /// <summary>Runs <see cref="IlScenario"/>s found in an instrumented harness assembly and prints their costs.</summary>
    public static class IlCostReport
    {
        /// <summary>Measures one scenario: set up, reset the counters, run, and keep what the scenario selects.</summary>
        public static IlTally Measure(IlScenario scenario) => Measure(scenario, out _);

        /// <summary>As <see cref="Measure(IlScenario)"/>; also the bytes the run allocated on the host (the BCL's included).</summary>
        public static IlTally Measure(IlScenario scenario, out long hostBytes)
        {
            scenario.Setup();
            IlCounters.Reset();
            long before = GC.GetAllocatedBytesForCurrentThread();
            scenario.Run();
            hostBytes = GC.GetAllocatedBytesForCurrentThread() - before;
            return scenario.Select(IlCounters.Snapshot());
        }

        /// <summary>
        /// Instruments <paramref name="core"/> (whole) and <paramref name="harness"/> (marked code only), runs the
        /// scenarios of <paramref name="harness"/> named in <paramref name="names"/> (all when empty) and writes a table,
        /// then per scenario the BCL methods called and, with <paramref name="methods"/>, the costliest methods. "Allocations"
        /// counts the instrumented code's own newobj/newarr/box; "host bytes" is what the run allocated on .NET, BCL included.
        /// </summary>
        public static int Run(string core, string harness, IList<string> names, bool methods, TextWriter output)
        {
            var context = new IlCostContext(new[] { core }, new[] { harness });
            List<IlScenario> scenarios = context.Get(Path.GetFileNameWithoutExtension(harness)).GetTypes()
                .Where(t => !t.IsAbstract && typeof(IlScenario).IsAssignableFrom(t))
                .Select(t => (IlScenario)Activator.CreateInstance(t))
                .Where(s => names.Count == 0 || names.Contains(s.Name, StringComparer.OrdinalIgnoreCase))
                .OrderBy(s => s.Name, StringComparer.Ordinal)
                .ToList();
            if (scenarios.Count == 0)
            {
                output.WriteLine("No scenario named " + string.Join(", ", names));
                return 1;
            }

            var results = new List<(IlScenario Scenario, IlTally Tally)>();
            output.WriteLine("| Scenario | Operation | IL instructions/op | Calls/op | BCL calls/op | Allocations/op | Host bytes/op |");
            output.WriteLine("|---|---|---:|---:|---:|---:|---:|");
            foreach (IlScenario s in scenarios)
            {
                IlTally t = Measure(s, out long bytes);
                results.Add((s, t));
                string mark = s.LowerBound ? " (lower bound)" : string.Empty;
                output.WriteLine($"| {s.Name}{mark} | {s.Description} | {Per(t.Instructions, s)} | {Per(t.Calls, s)} | {Per(t.BclCalls, s)} | " +
                    $"{Per(t.Allocations, s)} | {Per(bytes, s)} |");
            }

            foreach ((IlScenario s, IlTally t) in results)
            {
                output.WriteLine();
                output.WriteLine($"{s.Name}: BCL calls per operation");
                foreach (KeyValuePair<string, long> p in t.BclCallsByMethod)
                {
                    output.WriteLine($"  {Per(p.Value, s),10}  {p.Key}");
                }

                if (methods)
                {
                    output.WriteLine($"{s.Name}: costliest methods (own IL instructions per operation)");
                    foreach (KeyValuePair<string, long> p in t.InstructionsByMethodName.Take(20))
                    {
                        output.WriteLine($"  {Per(p.Value, s),10}  {p.Key}");
                    }
                }
            }

            return 0;
        }

        private static string Per(long count, IlScenario s)
        {
            double per = (double)count / s.Operations;
            return per == Math.Floor(per) ? per.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
                : per.ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
