using System;
using System.IO;
using TagoFirmware.Esp32;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>
    /// The twin's data directory (<c>--data-dir</c>): the device's own file stores (sources linked from the ESP32 app)
    /// at fixed names inside it, the directory created when needed. A store whose file calls fail reports it; none throws.
    /// </summary>
    public static class TwinDataDirectory
    {
        /// <summary>File name of the reading log.</summary>
        public const string QueueFileName = "queue.log";

        /// <summary>File name of the command overrides.</summary>
        public const string OverridesFileName = "overrides.bin";

        /// <summary>The reading log (not open when unusable: the queue then runs from RAM and counts store errors).</summary>
        public static FlashReadingStore ReadingStoreFor(string directory) => new FlashReadingStore(PathIn(directory, QueueFileName));

        /// <summary>The command-override store.</summary>
        public static FlashOverrideStore OverrideStoreFor(string directory) => new FlashOverrideStore(PathIn(directory, OverridesFileName));

        /// <summary>The TagoTiP sequence-counter store (<c>sequence0</c>, <c>sequence1</c>).</summary>
        public static FlashSequenceStore SequenceStoreFor(string directory) => new FlashSequenceStore(PathIn(directory, "sequence"));

        private static string PathIn(string directory, string name)
        {
            try
            {
                Directory.CreateDirectory(directory);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // The store's own file calls then fail and report it.
            }

            return Path.Combine(directory, name);
        }
    }
}
