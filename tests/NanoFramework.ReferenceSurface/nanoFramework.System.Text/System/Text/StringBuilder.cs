namespace System.Text
{
    /// <summary>Surface of nanoFramework.System.Text's <c>StringBuilder</c>.</summary>
    public sealed class StringBuilder
    {
        /// <summary>Creates an empty builder.</summary>
        public StringBuilder() => throw null;

        /// <summary>Creates an empty builder with the given capacity.</summary>
        public StringBuilder(int capacity) => throw null;

        /// <summary>Creates a builder holding <paramref name="value"/>.</summary>
        public StringBuilder(string value) => throw null;

        /// <summary>The number of characters held.</summary>
        public int Length { get => throw null; set => throw null; }

        /// <summary>Appends a string.</summary>
        public StringBuilder Append(string value) => throw null;

        /// <summary>Appends a character.</summary>
        public StringBuilder Append(char value) => throw null;

        /// <summary>Appends an integer.</summary>
        public StringBuilder Append(int value) => throw null;

        /// <summary>Appends a long.</summary>
        public StringBuilder Append(long value) => throw null;

        /// <summary>Appends a double.</summary>
        public StringBuilder Append(double value) => throw null;

        /// <summary>Appends a boolean.</summary>
        public StringBuilder Append(bool value) => throw null;

        /// <summary>Appends an object's string form.</summary>
        public StringBuilder Append(object value) => throw null;

        /// <summary>Appends a line terminator.</summary>
        public StringBuilder AppendLine() => throw null;

        /// <summary>Appends a string and a line terminator.</summary>
        public StringBuilder AppendLine(string str) => throw null;

        /// <summary>Removes all characters.</summary>
        public StringBuilder Clear() => throw null;

        /// <summary>Returns the built string.</summary>
        public override string ToString() => throw null;
    }
}
