namespace nanoFramework.Hardware.Esp32
{
    /// <summary>Surface of Hardware.Esp32's <c>NativeMemory</c> (the native IDF heap, not the managed heap).</summary>
    public class NativeMemory
    {
        /// <summary>Native memory kinds.</summary>
        public enum MemoryType
        {
            /// <summary>Internal and SPI RAM.</summary>
            All,

            /// <summary>Internal RAM.</summary>
            Internal,

            /// <summary>External SPI RAM.</summary>
            SpiRam,
        }

        /// <summary>Reads the native heap sizes.</summary>
        public static void GetMemoryInfo(MemoryType memType, out uint totalSize, out uint totalFreeSize, out uint largestFreeBlock) => throw null;
    }
}
