namespace TagoFirmware.IlCount
{
    /// <summary>
    /// One interpreter-cost scenario: a public class with a parameterless constructor in the benchmarks assembly.
    /// It is created inside an <see cref="IlCostContext"/>, so the core types it uses are the instrumented copies.
    /// <see cref="Setup"/> is not counted; <see cref="Run"/> is, and performs <see cref="Operations"/> operations.
    /// </summary>
    public abstract class IlScenario
    {
        /// <summary>The name to pick it on the command line (e.g. "p20").</summary>
        public abstract string Name { get; }

        /// <summary>What one operation is, in a few words.</summary>
        public abstract string Description { get; }

        /// <summary>How many operations one <see cref="Run"/> performs; the report divides by it.</summary>
        public virtual int Operations => 1;

        /// <summary>
        /// True when the count is a lower bound of the device's cost: the code calls BCL methods that are managed code
        /// on the device (e.g. StringBuilder, formatted ToString) but count one call here.
        /// </summary>
        public virtual bool LowerBound => false;

        /// <summary>Builds the state (not counted). Touch the types here so that static constructors are not counted.</summary>
        public virtual void Setup()
        {
        }

        /// <summary>Performs <see cref="Operations"/> operations (counted).</summary>
        public abstract void Run();

        /// <summary>The part of <paramref name="tally"/> this scenario reports (e.g. without the payload write).</summary>
        public virtual IlTally Select(IlTally tally) => tally;
    }
}
