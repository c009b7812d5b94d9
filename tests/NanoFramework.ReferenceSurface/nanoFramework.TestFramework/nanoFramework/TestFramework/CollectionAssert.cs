using System.Collections;

namespace nanoFramework.TestFramework
{
    /// <summary>Surface of nanoFramework.TestFramework's <c>CollectionAssert</c>.</summary>
    public sealed class CollectionAssert
    {

        /// <summary>Fails unless both collections hold equal elements in the same order.</summary>
        public static void AreEqual(ICollection expected, ICollection actual, string message = "") => throw null;

        /// <summary>Fails if both collections hold equal elements in the same order.</summary>
        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "") => throw null;

        /// <summary>Fails unless the collection is empty.</summary>
        public static void Empty(ICollection collection, string message = "") => throw null;

        /// <summary>Fails if the collection is empty.</summary>
        public static void NotEmpty(ICollection collection, string message = "") => throw null;
    }
}
