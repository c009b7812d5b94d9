using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Config;
using TagoFirmware.Host.Cli;

namespace TagoFirmware.Host.Tests.Config
{
    /// <summary>The config table's host half and docs/configuration.md agree with the table.</summary>
    [TestClass]
    public class ConfigReferenceTests
    {
        [TestMethod]
        public void Every_key_of_the_table_has_exactly_one_description()
        {
            for (int i = 0; i < ConfigKeys.Rows.Length; i++)
            {
                Assert.IsNotNull(ConfigReference.Describe(ConfigKeys.Rows[i]), ConfigKeys.Rows[i].Path + " has no description");
            }

            Assert.AreEqual(ConfigKeys.Rows.Length, ConfigReference.DescriptionCount, "a description names no key of the table");
        }

        [TestMethod]
        public void Every_secret_can_be_supplied_from_outside_the_file()
        {
            for (int i = 0; i < ConfigKeys.Rows.Length; i++)
            {
                ConfigKey key = ConfigKeys.Rows[i];
                if (key.Has(ConfigKey.Secret))
                {
                    Assert.IsTrue(Array.Exists(ConfigReference.Supplied, s => s.Key == key), key.Path + " has no flag or environment variable");
                }
            }
        }

        [TestMethod]
        public void The_configuration_reference_is_generated_from_the_table()
        {
            // To regenerate after changing the table: UPDATE_DOCS=1 dotnet test --filter ConfigReferenceTests
            string path = Path.Combine(RepoRoot(), "docs", "configuration.md");
            string expected = ConfigReference.Markdown();
            if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
            {
                File.WriteAllText(path, expected);
            }

            Assert.AreEqual(expected, File.ReadAllText(path).Replace("\r\n", "\n"),
                "docs/configuration.md differs from the config table: regenerate it with UPDATE_DOCS=1 dotnet test --filter ConfigReferenceTests");
        }

        private static string RepoRoot()
        {
            string dir = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(dir, "DEVELOPERS.md")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir;
        }
    }
}
