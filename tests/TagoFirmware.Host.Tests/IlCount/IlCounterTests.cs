using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.IlCount;

namespace TagoFirmware.Host.Tests.IlCount
{
    /// <summary>
    /// The interpreter-cost counter counts exactly what the hand-written IL of <see cref="IlSamples"/> executes:
    /// instructions per basic block, calls (BCL calls listed by name) and allocations.
    /// </summary>
    [TestClass]
    public sealed class IlCounterTests
    {
        private static Type s_methods;

        [ClassInitialize]
        public static void Instrument(TestContext context)
        {
            // The context rewrites the file when it is created; the copy it loads lives in memory.
            string path = IlSamples.Write();
            var loaded = new IlCostContext(new[] { path }, Array.Empty<string>());
            System.IO.Directory.Delete(System.IO.Path.GetDirectoryName(path), recursive: true);
            s_methods = loaded.Get("IlSamples").GetType(IlSamples.TypeName, throwOnError: true);
        }

        [TestMethod]
        public void A_loop_counts_its_blocks_once_per_pass()
        {
            (object result, IlTally tally) = Count("Loop", 10);

            Assert.AreEqual(45, result);
            Assert.AreEqual(11 * 10 + 10, tally.Instructions);
            Assert.AreEqual(0, tally.Calls);
            Assert.AreEqual(0, tally.Allocations);
        }

        [TestMethod]
        public void A_loop_that_never_runs_counts_only_its_entry_test_and_exit()
        {
            Assert.AreEqual(10, Count("Loop", 0).Tally.Instructions);
        }

        [TestMethod]
        public void Calls_count_the_callee_s_instructions_and_list_the_BCL_calls_by_name()
        {
            (object result, IlTally tally) = Count("Calls");

            Assert.AreEqual(8, result);
            Assert.AreEqual(6 + 43, tally.Instructions);
            Assert.AreEqual(2, tally.Calls);
            Assert.AreEqual(1, tally.BclCalls);
            CollectionAssert.AreEqual(new[] { "System.Math::Abs=1" }, Names(tally.BclCallsByMethod));
            CollectionAssert.AreEqual(new[] { "IlSamples.Methods::Loop=43", "IlSamples.Methods::Calls=6" }, Names(tally.InstructionsByMethodName));
        }

        [TestMethod]
        public void Newarr_box_and_newobj_of_a_class_allocate_but_newobj_of_a_struct_does_not()
        {
            IlTally tally = Count("Allocate").Tally;

            Assert.AreEqual(12, tally.Instructions);
            Assert.AreEqual(3, tally.Allocations);
            Assert.AreEqual(2, tally.Calls);
            CollectionAssert.AreEquivalent(new[] { "System.Object::.ctor=1", "System.DateTime::.ctor=1" }, Names(tally.BclCallsByMethod));
        }

        [TestMethod]
        public void A_switch_case_counts_its_own_block_and_the_finally()
        {
            (object result, IlTally tally) = Count("Switch", 0);

            Assert.AreEqual(11, result);
            Assert.AreEqual(14, tally.Instructions);
            Assert.AreEqual(0, tally.Calls);
        }

        [TestMethod]
        public void A_thrown_exception_counts_the_throwing_block_the_catch_and_the_finally()
        {
            (object result, IlTally tally) = Count("Switch", 1);

            Assert.AreEqual(21, result);
            Assert.AreEqual(17, tally.Instructions);
            Assert.AreEqual(1, tally.Calls);
            Assert.AreEqual(1, tally.Allocations);
            CollectionAssert.AreEqual(new[] { "System.Exception::.ctor=1" }, Names(tally.BclCallsByMethod));
        }

        [TestMethod]
        public void The_switch_default_counts_the_fall_through_branch()
        {
            (object result, IlTally tally) = Count("Switch", 2);

            Assert.AreEqual(31, result);
            Assert.AreEqual(15, tally.Instructions);
        }

        [TestMethod]
        public void Uncounted_work_and_selected_methods_are_left_out_of_a_tally()
        {
            IlCounters.Reset();
            Invoke("Calls");
            IlCounters.Uncounted(() => Invoke("Loop", 100));
            IlTally tally = IlCounters.Snapshot();

            Assert.AreEqual(49, tally.Instructions);
            Assert.AreEqual(6, tally.Where(m => !m.EndsWith("::Loop", StringComparison.Ordinal)).Instructions);
            Assert.AreEqual(1, tally.Where(m => m.EndsWith("::Calls", StringComparison.Ordinal)).BclCalls);
            Assert.AreEqual(0, tally.Where(m => m.EndsWith("::Loop", StringComparison.Ordinal)).BclCalls);
        }

        private static (object Result, IlTally Tally) Count(string method, params object[] args)
        {
            IlCounters.Reset();
            object result = Invoke(method, args);
            return (result, IlCounters.Snapshot());
        }

        private static object Invoke(string method, params object[] args)
        {
            try
            {
                return s_methods.GetMethod(method).Invoke(null, args);
            }
            catch (TargetInvocationException e)
            {
                throw e.InnerException;
            }
        }

        private static string[] Names(IReadOnlyList<KeyValuePair<string, long>> counts) =>
            counts.Select(p => p.Key + "=" + p.Value).ToArray();
    }
}
