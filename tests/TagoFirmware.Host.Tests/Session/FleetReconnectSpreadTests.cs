using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Connection;

namespace TagoFirmware.Host.Tests.Session
{
    /// <summary>
    /// A fleet of 1000 node cores (seeds from consecutive MACs) after a broker restart: full-jitter backoff must spread
    /// reconnects over the backoff window instead of hitting the broker in lock-step.
    /// </summary>
    [TestClass]
    public sealed class FleetReconnectSpreadTests
    {
        private const int FleetSize = 1000;

        [TestMethod]
        public void First_reconnects_after_a_quick_broker_restart_are_uniform_over_the_first_window()
        {
            FleetSimulation fleet = new FleetSimulation(FleetSize);
            fleet.Run(70000, 100);
            Assert.AreEqual(FleetSize, fleet.OnlineCount());

            long t0 = fleet.Clock.NowMs;
            fleet.KillBroker();
            fleet.Broker.Up = true;
            fleet.Run(1500, 1);

            // The drop is seen at t0 + 1 ms; the first retry follows after a delay uniform on [0, 1000] ms.
            double[] u = fleet.Links
                .Select(l => (l.AttemptTimes.First(t => t > t0) - (t0 + 1)) / 1000.0)
                .OrderBy(x => x)
                .ToArray();
            Assert.IsTrue(u.All(x => x >= 0 && x <= 1.0), "every first retry lies inside the [0, 1 s] window");

            double d = KolmogorovSmirnovUniform(u);
            // Critical value of the one-sample KS test at alpha = 0.01: 1.628 / sqrt(n) (Massey 1951).
            Assert.IsTrue(d < 1.628 / Math.Sqrt(u.Length), $"KS D = {d:F4} exceeds the 1% critical value");

            int maxPer50Ms = u.GroupBy(x => (int)(x * 20)).Max(g => g.Count());
            // 50 expected per 50 ms bucket; lock-step would put hundreds in one.
            Assert.IsTrue(maxPer50Ms <= 90, $"max {maxPer50Ms} reconnects in one 50 ms bucket");
            Assert.AreEqual(FleetSize, fleet.OnlineCount());
        }

        [TestMethod]
        public void During_a_long_outage_attempts_are_spread_evenly_and_recovery_is_not_lock_step()
        {
            FleetSimulation fleet = new FleetSimulation(FleetSize);
            fleet.Run(70000, 100);
            long t0 = fleet.Clock.NowMs;
            fleet.KillBroker();
            fleet.Run(300000, 50);

            // Steady state at the cap: each node retries after U[0, 30 s], so the fleet makes about 1000 / 15 s = 67
            // attempts per second, evenly spread. Chi-square over 120 one-second buckets against that flat profile.
            long from = t0 + 180000;
            long to = t0 + 300000;
            int[] buckets = new int[120];
            foreach (long t in fleet.Links.SelectMany(l => l.AttemptTimes).Where(t => t >= from && t < to))
            {
                buckets[(int)((t - from) / 1000)]++;
            }

            int total = buckets.Sum();
            Assert.IsTrue(total > 6000 && total < 10000, $"{total} attempts in 120 s: the backoff cap does not hold");
            double expected = total / 120.0;
            double chi2 = buckets.Sum(b => (b - expected) * (b - expected) / expected);
            double critical = ChiSquareCritical(119, 3.090);
            Assert.IsTrue(chi2 < critical, $"chi-square {chi2:F1} >= {critical:F1} (alpha 0.001): attempts bunch up");

            long t1 = fleet.Clock.NowMs;
            fleet.Broker.Up = true;
            fleet.Run(31000, 50);
            Assert.AreEqual(FleetSize, fleet.OnlineCount(), "everyone is back within the backoff cap");

            int[] perSecond = fleet.Links
                .Select(l => l.ConnectTimes.First(t => t > t1))
                .GroupBy(t => (t - t1) / 1000)
                .Select(g => g.Count())
                .ToArray();
            Assert.IsTrue(perSecond.Max() <= 100, $"max {perSecond.Max()} reconnects in one second (lock-step would be 1000)");
            Assert.IsTrue(perSecond.Length >= 25, $"reconnects use only {perSecond.Length} distinct seconds");
        }

        [TestMethod]
        public void Fleet_under_a_never_ending_outage_keeps_its_connect_rate_bounded()
        {
            FleetSimulation fleet = new FleetSimulation(200);
            fleet.KillBroker();
            fleet.Run(600000, 100);
            // 200 nodes, windows capped at 30 s (mean 15 s) after the first ~45 s: about 200 · 600 / 15 = 8000.
            int attempts = fleet.Links.Sum(l => l.AttemptTimes.Count);
            Assert.IsTrue(attempts < 9500, $"{attempts} attempts in 10 minutes");
            Assert.IsTrue(attempts > 6500, $"{attempts} attempts in 10 minutes: nodes stopped retrying");
        }

        private static double KolmogorovSmirnovUniform(double[] sorted)
        {
            int n = sorted.Length;
            double d = 0;
            for (int i = 0; i < n; i++)
            {
                d = Math.Max(d, Math.Max((i + 1.0) / n - sorted[i], sorted[i] - (double)i / n));
            }

            return d;
        }

        // Wilson-Hilferty approximation of the chi-square quantile for df degrees of freedom at normal quantile z.
        private static double ChiSquareCritical(int df, double z)
        {
            double a = 2.0 / (9.0 * df);
            return df * Math.Pow(1 - a + (z * Math.Sqrt(a)), 3);
        }
    }
}
