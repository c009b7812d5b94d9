using System;
using System.Collections;
using System.Runtime.CompilerServices;
using MSTest = Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// The assertions of nanoFramework.TestFramework 3.0.x (the non-generic ones that stable firmware can run),
    /// failing through MSTest so the host runner reports them. Doubles compare exactly, as on the device:
    /// there are no delta overloads, and there is no Fail.
    /// </summary>
    public sealed class Assert
    {
        private Assert()
        {
        }

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!(Equals(expected, actual)))
            {
                Fail("Assert.AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(bool notExpected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(byte expected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!(Equals(expected, actual)))
            {
                Fail("Assert.AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(byte notExpected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(char expected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!(Equals(expected, actual)))
            {
                Fail("Assert.AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(char notExpected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(DateTime expected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!(Equals(expected, actual)))
            {
                Fail("Assert.AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(DateTime notExpected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(double expected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!(Equals(expected, actual)))
            {
                Fail("Assert.AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(double notExpected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(float expected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!(Equals(expected, actual)))
            {
                Fail("Assert.AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(float notExpected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!(Equals(expected, actual)))
            {
                Fail("Assert.AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(int notExpected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(long expected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!(Equals(expected, actual)))
            {
                Fail("Assert.AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(long notExpected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!(Equals(expected, actual)))
            {
                Fail("Assert.AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(object notExpected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!(Equals(expected, actual)))
            {
                Fail("Assert.AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(sbyte notExpected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(short expected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!(Equals(expected, actual)))
            {
                Fail("Assert.AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(short notExpected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!(Equals(expected, actual)))
            {
                Fail("Assert.AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(uint notExpected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!(Equals(expected, actual)))
            {
                Fail("Assert.AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(ulong notExpected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!(Equals(expected, actual)))
            {
                Fail("Assert.AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(ushort notExpected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(string expected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!(string.CompareOrdinal(expected, actual) == 0))
            {
                Fail("Assert.AreEqual", $"Expected:<{Show(expected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.</summary>
        public static void AreNotEqual(string notExpected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (string.CompareOrdinal(notExpected, actual) == 0)
            {
                Fail("Assert.AreNotEqual", $"Expected any value except:<{Show(notExpected)}>. Actual:<{Show(actual)}>. {message}");
            }
        }

        /// <summary>Fails unless the condition is true.</summary>
        public static void IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            if (!condition)
            {
                Fail("Assert.IsTrue", message);
            }
        }

        /// <summary>Fails unless the condition is false.</summary>
        public static void IsFalse(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            if (condition)
            {
                Fail("Assert.IsFalse", message);
            }
        }

        /// <summary>Fails unless the value is null.</summary>
        public static void IsNull(object value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value != null)
            {
                Fail("Assert.IsNull", message);
            }
        }

        /// <summary>Fails if the value is null.</summary>
        public static void IsNotNull(object value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value == null)
            {
                Fail("Assert.IsNotNull", message);
            }
        }

        /// <summary>Fails unless both references are the same object.</summary>
        public static void AreSame(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!ReferenceEquals(expected, actual))
            {
                Fail("Assert.AreSame", message);
            }
        }

        /// <summary>Fails if both references are the same object.</summary>
        public static void AreNotSame(object notExpected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (ReferenceEquals(notExpected, actual))
            {
                Fail("Assert.AreNotSame", message);
            }
        }

        /// <summary>Fails unless the value is an instance of the type.</summary>
        public static void IsInstanceOfType(object value, Type expectedType, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (expectedType == null || value == null || !expectedType.IsInstanceOfType(value))
            {
                Fail("Assert.IsInstanceOfType", $"Expected type:<{expectedType}>. Actual type:<{(value == null ? "(null)" : value.GetType().ToString())}>. {message}");
            }
        }

        /// <summary>Fails if the value is an instance of the type.</summary>
        public static void IsNotInstanceOfType(object value, Type wrongType, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (wrongType != null && value != null && wrongType.IsInstanceOfType(value))
            {
                Fail("Assert.IsNotInstanceOfType", $"Wrong type:<{wrongType}>. {message}");
            }
        }

        /// <summary>
        /// Fails unless <paramref name="action"/> throws an exception of exactly type <paramref name="exception"/>
        /// (a derived type fails, as on the device).
        /// </summary>
        public static void ThrowsException(Type exception, Action action, [CallerArgumentExpression(nameof(action))] string message = "")
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                if (ex.GetType() != exception)
                {
                    Fail("Assert.ThrowsException", $"Expected exception type:<{exception}>. Actual exception type:<{ex.GetType()}>: {ex.Message}. {message}");
                }

                return;
            }

            Fail("Assert.ThrowsException", $"Expected exception type:<{exception}> but no exception was thrown. {message}");
        }

        /// <summary>Fails unless <paramref name="value"/> contains <paramref name="expected"/>.</summary>
        public static void Contains(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (expected == null || value == null || value.IndexOf(expected, StringComparison.Ordinal) < 0)
            {
                Fail("Assert.Contains", $"String '{value}' does not contain string '{expected}'. {message}");
            }
        }

        /// <summary>Fails if <paramref name="value"/> contains <paramref name="notExpected"/>.</summary>
        public static void DoesNotContains(string notExpected, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (notExpected != null && value != null && value.IndexOf(notExpected, StringComparison.Ordinal) >= 0)
            {
                Fail("Assert.DoesNotContains", $"String '{value}' contains string '{notExpected}'. {message}");
            }
        }

        /// <summary>Fails unless <paramref name="value"/> starts with <paramref name="expected"/>.</summary>
        public static void StartsWith(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (expected == null || value == null || !value.StartsWith(expected, StringComparison.Ordinal))
            {
                Fail("Assert.StartsWith", $"String '{value}' does not start with '{expected}'. {message}");
            }
        }

        /// <summary>Fails unless <paramref name="value"/> ends with <paramref name="expected"/>.</summary>
        public static void EndsWith(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (expected == null || value == null || !value.EndsWith(expected, StringComparison.Ordinal))
            {
                Fail("Assert.EndsWith", $"String '{value}' does not end with '{expected}'. {message}");
            }
        }

        /// <summary>Skips the test, as nanoFramework's <c>Assert.SkipTest</c>.</summary>
        public static void SkipTest(string message = "")
        {
            throw new SkipTestException(message);
        }

        internal static void Fail(string assertion, string message)
        {
            throw new MSTest.AssertFailedException(assertion + " failed. " + message);
        }

        private static string Show(object value)
        {
            if (value == null)
            {
                return "(null)";
            }

            if (value is double d)
            {
                return d.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            }

            return value.ToString();
        }
    }
}
