using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// Surface of nanoFramework.System.Math's <c>System.Math</c> (the nanoFramework mscorlib has no Math). The float
    /// overloads of Ceiling, Floor and Max are left out: the real ones are [Obsolete(..., true)], so calling them is a
    /// compile error in Visual Studio.
    /// </summary>
    public static class Math
    {
        /// <summary>The ratio of a circle's circumference to its diameter.</summary>
        public const double PI = 3.14159265358979323846;

        /// <summary>The natural logarithmic base.</summary>
        public const double E = 2.7182818284590452354;

        /// <summary>Returns the larger of two integers.</summary>
        public static int Max(int val1, int val2) => throw null;

        /// <summary>Returns the smaller of two integers.</summary>
        public static int Min(int val1, int val2) => throw null;

        /// <summary>Returns the absolute value of an integer.</summary>
        public static int Abs(int val) => throw null;

        /// <summary>Returns the absolute value of a double.</summary>
        public static double Abs(double val) => throw null;

        /// <summary>Returns the absolute value of a float.</summary>
        public static float Abs(float val) => throw null;

        /// <summary>Returns the smallest integral value not less than <paramref name="d"/>.</summary>
        public static double Ceiling(double d) => throw null;

        /// <summary>Returns e raised to the given power.</summary>
        public static double Exp(double d) => throw null;

        /// <summary>Returns the largest integral value not greater than <paramref name="d"/>.</summary>
        public static double Floor(double d) => throw null;

        /// <summary>Returns the natural logarithm.</summary>
        public static double Log(double d) => throw null;

        /// <summary>Returns the base-10 logarithm.</summary>
        public static double Log10(double d) => throw null;

        /// <summary>Returns the larger of two doubles.</summary>
        public static double Max(double x, double y) => throw null;

        /// <summary>Returns the smaller of two doubles.</summary>
        public static double Min(double x, double y) => throw null;

        /// <summary>Returns the smaller of two floats.</summary>
        public static float Min(float x, float y) => throw null;

        /// <summary>Returns <paramref name="x"/> raised to the power <paramref name="y"/>.</summary>
        public static double Pow(double x, double y) => throw null;

        /// <summary>Rounds to the nearest integral value.</summary>
        public static double Round(double d) => throw null;

        /// <summary>Returns the sign of a double.</summary>
        public static int Sign(double value) => throw null;

        /// <summary>Returns the square root.</summary>
        public static double Sqrt(double d) => throw null;

        /// <summary>Returns the integral part.</summary>
        public static double Truncate(double d) => throw null;
    }
}
