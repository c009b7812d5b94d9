using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using MSTest = Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Marks a test method. On the host it runs the class's <see cref="SetupAttribute"/> method once before the
    /// class's first test and its <see cref="CleanupAttribute"/> method once after its last, as the nanoFramework
    /// UnitTestLauncher does (MSTest's own TestInitialize would run before every test). A test case the device could
    /// not run (see <see cref="DeviceRules"/>) fails without running.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class TestMethodAttribute : MSTest.TestMethodAttribute
    {
        /// <summary>Creates the attribute; the caller information feeds MSTest's source navigation.</summary>
        public TestMethodAttribute([CallerFilePath] string callerFilePath = "", [CallerLineNumber] int callerLineNumber = -1)
            : base(callerFilePath, callerLineNumber)
        {
        }

        /// <inheritdoc />
        public override async Task<MSTest.TestResult[]> ExecuteAsync(MSTest.ITestMethod testMethod)
        {
            Type testClass = testMethod.MethodInfo.DeclaringType;
            ClassLifecycle.SetupOutcome setup = ClassLifecycle.EnsureSetup(testClass);
            try
            {
                if (setup.Skipped != null)
                {
                    return new[] { new MSTest.TestResult { Outcome = MSTest.UnitTestOutcome.Inconclusive, TestFailureException = setup.Skipped } };
                }

                if (setup.Failure != null)
                {
                    return new[] { new MSTest.TestResult { Outcome = MSTest.UnitTestOutcome.Failed, TestFailureException = setup.Failure } };
                }

                string refusal = DeviceRules.Refusal(testMethod.MethodInfo, testMethod.Arguments);
                if (refusal != null)
                {
                    return new[] { new MSTest.TestResult { Outcome = MSTest.UnitTestOutcome.Failed, TestFailureException = new InvalidOperationException(refusal) } };
                }

                MSTest.TestResult[] results = await base.ExecuteAsync(testMethod).ConfigureAwait(false);
                foreach (MSTest.TestResult result in results)
                {
                    // nanoFramework reports a SkipTestException as "skipped", not as a failure.
                    if (result.Outcome == MSTest.UnitTestOutcome.Failed && ClassLifecycle.IsSkip(result.TestFailureException))
                    {
                        result.Outcome = MSTest.UnitTestOutcome.Inconclusive;
                    }
                }

                return results;
            }
            finally
            {
                ClassLifecycle.TestFinished(testClass);
            }
        }
    }
}
