using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Host.Adapters;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Tests.Adapters
{
    [TestClass]
    public sealed class ConsoleStatusIndicatorTests
    {
        [TestMethod]
        [DataRow(NodeStatus.NoWifi, "NoWifi (no WiFi) ##########..........")]
        [DataRow(NodeStatus.NoBroker, "NoBroker (no broker: connecting or backing off) #.#.#...............")]
        [DataRow(NodeStatus.CredentialsRefused, "CredentialsRefused (credentials refused: check the token) #.#.#.#.#.#.#.#.#.#.")]
        [DataRow(NodeStatus.Online, "Online (online) #...................")]
        [DataRow(NodeStatus.Starting, "Starting (booting, config not read yet) ####################")]
        [DataRow(NodeStatus.ConfigInvalid, "ConfigInvalid (config invalid: fix the file) ########..##........")]
        [DataRow(NodeStatus.NoClock, "NoClock (no clock: waiting for SNTP) #.#.................")]
        public void The_twin_prints_the_device_LED_pattern_from_the_shared_table_as_an_LED_line(NodeStatus status, string expected)
        {
            var writer = new StringWriter();
            new ConsoleStatusIndicator(new ConsoleLog(writer, LogLevel.Debug)).Show(status);
            StringAssert.EndsWith(writer.ToString().TrimEnd(), " INF LED: " + expected);
        }
    }
}
