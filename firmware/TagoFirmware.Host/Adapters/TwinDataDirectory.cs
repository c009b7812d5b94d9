using System;
using System.IO;
using TagoFirmware.Esp32;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>
    /// The twin's data directory (<c>--data-dir</c>): opens the device's own file stores, <see cref="FlashReadingStore"/>,
    /// <see cref="FlashOverrideStore"/> and <see cref="FlashSequenceStore"/> (linked into this project from firmware/TagoFirmware.Esp32, one source for
    /// device and twin), at fixed file names inside it. Host-only because the directory handling needs
    /// <see cref="Path.Combine(string, string)"/> and <see cref="Directory.CreateDirectory(string)"/>, which the
    /// nanoFramework System.IO.FileSystem surface does not have.
    /// </summary>
    public static class TwinDataDirectory
    {
        /// <summary>File name of the reading log inside a data directory (existing data directories use it).</summary>
        public const string QueueFileName = "queue.log";

        /// <summary>File name of the command-overrides record inside a data directory (existing data directories use it).</summary>
        public const string OverridesFileName = "overrides.bin";

        /// <summary>Opens the log <c>queue.log</c> in <paramref name="directory"/>, creating the directory if needed.</summary>
        /// <param name="directory">The twin's data directory.</param>
        /// <returns>The store (<see cref="FlashReadingStore.IsOpen"/> false, <see cref="FlashReadingStore.Length"/> -1 when
        /// the log is unusable: the queue then runs from RAM and counts store errors).</returns>
        public static FlashReadingStore ReadingStoreFor(string directory)
        {
            TryCreate(directory);
            return new FlashReadingStore(Path.Combine(directory, QueueFileName));
        }

        /// <summary>Creates the override store for <c>overrides.bin</c> in <paramref name="directory"/>, creating the
        /// directory if needed.</summary>
        /// <param name="directory">The twin's data directory.</param>
        /// <returns>The store (a failed write returns false and counts in <see cref="FlashOverrideStore.WriteErrors"/>).</returns>
        public static FlashOverrideStore OverrideStoreFor(string directory)
        {
            TryCreate(directory);
            return new FlashOverrideStore(Path.Combine(directory, OverridesFileName));
        }

        /// <summary>Creates the TagoTiP sequence-counter store (<c>sequence0</c>, <c>sequence1</c>) in <paramref name="directory"/>,
        /// creating the directory if needed.</summary>
        /// <param name="directory">The twin's data directory.</param>
        /// <returns>The store.</returns>
        public static FlashSequenceStore SequenceStoreFor(string directory)
        {
            TryCreate(directory);
            return new FlashSequenceStore(Path.Combine(directory, "sequence"));
        }

        private static void TryCreate(string directory)
        {
            try
            {
                Directory.CreateDirectory(directory);
            }
            catch (IOException)
            {
                // The store's own file calls then fail and report it (never throw).
            }
            catch (UnauthorizedAccessException)
            {
                // Same.
            }
        }
    }
}
