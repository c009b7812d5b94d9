using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace TagoFirmware.IlCount
{
    /// <summary>
    /// The counters that rewritten code increments, one slot per instrumented method (IL instructions, calls,
    /// allocations) and one per call site of a method outside the instrumented assemblies (BCL calls). Slots are
    /// registered while rewriting; the rewritten code calls the static methods below with constant slot numbers.
    /// Not thread-safe: scenarios run on one thread.
    /// </summary>
    public static class IlCounters
    {
        private static readonly List<string> s_methods = new List<string>();
        private static readonly List<int> s_siteCallers = new List<int>();
        private static readonly List<string> s_siteCallees = new List<string>();
        private static long[] s_instructions = new long[0];
        private static long[] s_calls = new long[0];
        private static long[] s_allocations = new long[0];
        private static long[] s_external = new long[0];

        /// <summary>A basic block of <paramref name="method"/> with <paramref name="instructions"/> IL instructions starts.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Block(int method, int instructions) => s_instructions[method] += instructions;

        /// <summary><paramref name="method"/> calls a method of an instrumented assembly (or a constructor through newobj).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Call(int method) => s_calls[method]++;

        /// <summary>Call site <paramref name="site"/> calls a method outside the instrumented assemblies (the BCL).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void External(int site)
        {
            s_external[site]++;
            s_calls[s_siteCallers[site]]++;
        }

        /// <summary><paramref name="method"/> allocates on the heap (newobj of a class, newarr, box).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Allocation(int method) => s_allocations[method]++;

        /// <summary>Sets every counter to zero.</summary>
        public static void Reset()
        {
            Array.Clear(s_instructions);
            Array.Clear(s_calls);
            Array.Clear(s_allocations);
            Array.Clear(s_external);
        }

        /// <summary>A copy of every counter now.</summary>
        public static IlTally Snapshot() => new IlTally(s_methods.ToArray(), (long[])s_instructions.Clone(), (long[])s_calls.Clone(),
            (long[])s_allocations.Clone(), s_siteCallers.ToArray(), s_siteCallees.ToArray(), (long[])s_external.Clone());

        /// <summary>Runs <paramref name="action"/> without counting what it executes (set-up work inside a scenario's run).</summary>
        public static void Uncounted(Action action)
        {
            IlTally before = Snapshot();
            action();
            Restore(before);
        }

        internal static int RegisterMethod(string name)
        {
            s_methods.Add(name);
            Grow();
            return s_methods.Count - 1;
        }

        internal static int RegisterSite(int caller, string callee)
        {
            s_siteCallers.Add(caller);
            s_siteCallees.Add(callee);
            Grow();
            return s_siteCallees.Count - 1;
        }

        private static void Restore(IlTally tally)
        {
            Array.Copy(tally.InstructionsByMethod, s_instructions, tally.InstructionsByMethod.Length);
            Array.Copy(tally.CallsByMethod, s_calls, tally.CallsByMethod.Length);
            Array.Copy(tally.AllocationsByMethod, s_allocations, tally.AllocationsByMethod.Length);
            Array.Copy(tally.CallsBySite, s_external, tally.CallsBySite.Length);
        }

        private static void Grow()
        {
            if (s_instructions.Length < s_methods.Count)
            {
                int size = Math.Max(256, s_methods.Count * 2);
                Array.Resize(ref s_instructions, size);
                Array.Resize(ref s_calls, size);
                Array.Resize(ref s_allocations, size);
            }

            if (s_external.Length < s_siteCallees.Count)
            {
                Array.Resize(ref s_external, Math.Max(256, s_siteCallees.Count * 2));
            }
        }
    }
}
