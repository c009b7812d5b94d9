using System;
using System.Runtime.CompilerServices;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Surface of nanoFramework.TestFramework 3.0.x's <c>Assert</c>: the non-generic overloads stable firmware runs. No delta
    /// overloads (doubles compare exactly) and no <c>Fail</c>. The obsolete xUnit-style names are left out on purpose.
    /// </summary>
    public sealed partial class Assert
    {
        private Assert()
        {
        }

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(byte expected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(char expected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(DateTime expected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(double expected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(float expected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(long expected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(short expected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(string expected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(bool notExpected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(byte notExpected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(char notExpected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(DateTime notExpected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(double notExpected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(float notExpected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(int notExpected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(long notExpected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(object notExpected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(sbyte notExpected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(short notExpected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(string notExpected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(uint notExpected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(ulong notExpected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(ushort notExpected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails unless the condition is true.</summary>
        public static void IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "") => throw null;

        /// <summary>Fails unless the condition is false.</summary>
        public static void IsFalse(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "") => throw null;

        /// <summary>Fails unless the value is null.</summary>
        public static void IsNull(object value, [CallerArgumentExpression(nameof(value))] string message = "") => throw null;

        /// <summary>Fails if the value is null.</summary>
        public static void IsNotNull(object value, [CallerArgumentExpression(nameof(value))] string message = "") => throw null;

        /// <summary>Fails unless both references are the same object.</summary>
        public static void AreSame(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails if both references are the same object.</summary>
        public static void AreNotSame(object notExpected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "") => throw null;

        /// <summary>Fails unless the value is an instance of the type.</summary>
        public static void IsInstanceOfType(object value, Type expected, [CallerArgumentExpression(nameof(value))] string message = "") => throw null;

        /// <summary>Fails if the value is an instance of the type.</summary>
        public static void IsNotInstanceOfType(object value, Type notExpected, [CallerArgumentExpression(nameof(value))] string message = "") => throw null;

        /// <summary>Fails unless the action throws exactly the given exception type.</summary>
        public static void ThrowsException(Type exception, Action action, [CallerArgumentExpression(nameof(action))] string message = "") => throw null;

        /// <summary>Fails unless <paramref name="value"/> contains <paramref name="expected"/>.</summary>
        public static void Contains(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "") => throw null;

        /// <summary>Fails if <paramref name="value"/> contains <paramref name="notExpected"/>.</summary>
        public static void DoesNotContains(string notExpected, string value, [CallerArgumentExpression(nameof(value))] string message = "") => throw null;

        /// <summary>Fails unless <paramref name="value"/> starts with <paramref name="expected"/>.</summary>
        public static void StartsWith(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "") => throw null;

        /// <summary>Fails unless <paramref name="value"/> ends with <paramref name="expected"/>.</summary>
        public static void EndsWith(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "") => throw null;

        /// <summary>Skips the test (throws <see cref="SkipTestException"/>).</summary>
        public static void SkipTest(string message = null) => throw null;
    }
}
