using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Host.TagoTip;

namespace TagoFirmware.Host.Tests.TagoTip
{
    /// <summary>Deriving the authorization hash on the PC, with the specification's own example.</summary>
    [TestClass]
    public sealed class TagoTipAuthHashTests
    {
        [TestMethod]
        public void The_specification_example_token_gives_its_hash()
        {
            Assert.AreEqual("4deedd7bab8817ec", TagoTipAuthHash.FromToken("ate2bd319014b24e0a8aca9f00aea4c0d0"));
        }

        [TestMethod]
        public void A_token_or_a_hash_is_told_apart_by_its_shape()
        {
            Assert.AreEqual("4deedd7bab8817ec", TagoTipAuthHash.FromTokenOrHash("ate2bd319014b24e0a8aca9f00aea4c0d0"));
            Assert.AreEqual("4deedd7bab8817ec", TagoTipAuthHash.FromTokenOrHash("4DEEDD7BAB8817EC"));
            Assert.IsNull(TagoTipAuthHash.FromTokenOrHash("e2bd319014b24e0a8aca9f00aea4c0d0"));
            Assert.IsNull(TagoTipAuthHash.FromTokenOrHash(null));
        }

        [TestMethod]
        public void A_malformed_token_gives_no_hash()
        {
            Assert.IsNull(TagoTipAuthHash.FromToken("atSECRETSECRETSECRETSECRETSECRET12"));
        }
    }
}
