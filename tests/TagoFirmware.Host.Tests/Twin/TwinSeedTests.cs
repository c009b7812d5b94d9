using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Host.Adapters;
using TagoFirmware.Host.Cli;

namespace TagoFirmware.Host.Tests.Twin
{
    [TestClass]
    public sealed class TwinSeedTests
    {
        private const long Start = 639_000_000_000_000_000;

        [TestMethod]
        public void Without_seed_option_the_seed_is_left_to_the_run_and_with_it_the_option_wins()
        {
            Assert.IsTrue(TwinOptions.TryParse(new string[0], null, null, out TwinOptions none, out string error), error);
            Assert.IsNull(none.Seed);
            Assert.IsTrue(TwinOptions.TryParse(new[] { "--seed", "7" }, null, null, out TwinOptions seven, out error), error);
            Assert.AreEqual(7, seven.Seed);
        }

        [TestMethod]
        public void Twenty_client_ids_started_in_the_same_tick_get_twenty_seeds()
        {
            int[] seeds = Enumerable.Range(0, 20).Select(i => TwinOptions.DefaultSeed("fleet-" + i, Start)).ToArray();
            Assert.AreEqual(20, seeds.Distinct().Count());
        }

        [TestMethod]
        public void One_client_id_restarted_later_gets_another_seed_and_the_same_inputs_the_same_seed()
        {
            Assert.AreNotEqual(TwinOptions.DefaultSeed("twin-a", Start), TwinOptions.DefaultSeed("twin-a", Start + 1));
            Assert.AreEqual(TwinOptions.DefaultSeed("twin-a", Start), TwinOptions.DefaultSeed("twin-a", Start));
        }

        [TestMethod]
        public void Simulated_sensors_with_different_seeds_report_different_rooms_and_one_seed_repeats_itself()
        {
            double[] first = Enumerable.Range(0, 20).Select(seed => FirstCelsius(seed)).ToArray();
            Assert.IsTrue(first.Distinct().Count() >= 15, string.Join(", ", first));
            Assert.IsTrue(first.All(c => c > 18.5 && c < 25.5), string.Join(", ", first));
            Assert.AreEqual(FirstCelsius(3), FirstCelsius(3));
        }

        private static double FirstCelsius(int seed)
        {
            Assert.IsTrue(new SimulatedDht22(seed).TryRead(out double celsius, out _));
            return celsius;
        }
    }
}
