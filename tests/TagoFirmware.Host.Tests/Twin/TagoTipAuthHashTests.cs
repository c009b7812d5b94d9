using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Host.Cli;

namespace TagoFirmware.Host.Tests.Twin
{
    /// <summary>Deriving the authorization hash on the PC, with the specification's own example.</summary>
    [TestClass]
    public sealed class TagoTipAuthHashTests
    {
        [TestMethod]
        public void The_specification_example_token_gives_its_hash()
        {
            Assert.AreEqual("4deedd7bab8817ec", TwinOptions.HashOfToken("ate2bd319014b24e0a8aca9f00aea4c0d0"));
        }

        [TestMethod]
        public void A_malformed_token_gives_no_hash()
        {
            Assert.IsNull(TwinOptions.HashOfToken("atSECRETSECRETSECRETSECRETSECRET12"));
        }
    }
}
