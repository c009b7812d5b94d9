using System;
using System.Collections.Generic;
using System.Linq;

namespace TagoFirmware.IlCount
{
    /// <summary>Counts taken from <see cref="IlCounters"/>: per instrumented method and per BCL call site.</summary>
    public sealed class IlTally
    {
        private readonly string[] _methods;
        private readonly int[] _siteCallers;
        private readonly string[] _siteCallees;

        internal IlTally(string[] methods, long[] instructions, long[] calls, long[] allocations, int[] siteCallers,
            string[] siteCallees, long[] bySite)
        {
            _methods = methods;
            InstructionsByMethod = instructions;
            CallsByMethod = calls;
            AllocationsByMethod = allocations;
            _siteCallers = siteCallers;
            _siteCallees = siteCallees;
            CallsBySite = bySite;
        }

        internal long[] InstructionsByMethod { get; }

        internal long[] CallsByMethod { get; }

        internal long[] AllocationsByMethod { get; }

        internal long[] CallsBySite { get; }

        /// <summary>IL instructions executed.</summary>
        public long Instructions => InstructionsByMethod.Sum();

        /// <summary>Calls made (call, callvirt, calli, newobj), BCL calls included.</summary>
        public long Calls => CallsByMethod.Sum();

        /// <summary>Heap allocations by instrumented code (newobj of a class, newarr, box); the BCL's own are not seen.</summary>
        public long Allocations => AllocationsByMethod.Sum();

        /// <summary>Calls into methods outside the instrumented assemblies, each counted once.</summary>
        public long BclCalls => CallsBySite.Sum();

        /// <summary>BCL methods called ("System.String::get_Length") with their counts, most called first.</summary>
        public IReadOnlyList<KeyValuePair<string, long>> BclCallsByMethod => Group(_siteCallees, CallsBySite);

        /// <summary>Instrumented methods ("Namespace.Type::Method") with their own IL instructions, most first.</summary>
        public IReadOnlyList<KeyValuePair<string, long>> InstructionsByMethodName => Group(_methods, InstructionsByMethod);

        /// <summary>The counts made since <paramref name="before"/>.</summary>
        public IlTally Minus(IlTally before) => Map((i, v, kind) => v - Get(before, kind, i));

        /// <summary>Only the counts of the methods whose name ("Namespace.Type::Method") <paramref name="keep"/> accepts.</summary>
        public IlTally Where(Func<string, bool> keep) =>
            Map((i, v, kind) => (kind == 3 ? keep(_methods[_siteCallers[i]]) : keep(_methods[i])) ? v : 0);

        private static long Get(IlTally t, int kind, int i)
        {
            long[] a = kind switch { 0 => t.InstructionsByMethod, 1 => t.CallsByMethod, 2 => t.AllocationsByMethod, _ => t.CallsBySite };
            return i < a.Length ? a[i] : 0;
        }

        private IlTally Map(Func<int, long, int, long> f)
        {
            long[] Apply(long[] a, int kind, int count)
            {
                long[] r = new long[a.Length];
                for (int i = 0; i < count && i < a.Length; i++)
                {
                    r[i] = f(i, a[i], kind);
                }

                return r;
            }

            return new IlTally(_methods, Apply(InstructionsByMethod, 0, _methods.Length), Apply(CallsByMethod, 1, _methods.Length),
                Apply(AllocationsByMethod, 2, _methods.Length), _siteCallers, _siteCallees, Apply(CallsBySite, 3, _siteCallees.Length));
        }

        private static IReadOnlyList<KeyValuePair<string, long>> Group(string[] names, long[] counts) =>
            names.Select((n, i) => new KeyValuePair<string, long>(n, i < counts.Length ? counts[i] : 0))
                .Where(p => p.Value != 0)
                .GroupBy(p => p.Key)
                .Select(g => new KeyValuePair<string, long>(g.Key, g.Sum(p => p.Value)))
                .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                .ToList();
    }
}
