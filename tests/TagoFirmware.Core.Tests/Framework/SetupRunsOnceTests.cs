using nanoFramework.TestFramework;

namespace TagoFirmware.Tests.Framework
{
    /// <summary>
    /// Pins the nanoFramework test semantics the shared tests rely on, so the host stand-in cannot drift:
    /// [Setup] runs once per class before its first test, and state lives in static fields.
    /// </summary>
    [TestClass]
    public class SetupRunsOnceTests
    {
        private static int s_setupCalls;
        private static int s_testsRun;

        [Setup]
        public void CountSetup()
        {
            s_setupCalls++;
        }

        [TestMethod]
        public void Setup_has_run_exactly_once_before_the_first_test()
        {
            s_testsRun++;
            Assert.AreEqual(1, s_setupCalls);
        }

        [TestMethod]
        public void Setup_has_still_run_exactly_once_before_the_second_test()
        {
            s_testsRun++;
            Assert.AreEqual(1, s_setupCalls);
        }

        [TestMethod]
        [DataRow(1, 2, 3)]
        [DataRow(-4, 4, 0)]
        public void Data_rows_pass_their_arguments(int a, int b, int sum)
        {
            s_testsRun++;
            Assert.AreEqual(sum, a + b);
        }

        [TestMethod]
        public void Throws_exception_matches_the_exact_exception_type()
        {
            s_testsRun++;
            Assert.ThrowsException(typeof(System.ArgumentException), () => { throw new System.ArgumentException("x"); });
        }
    }
}
