using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Host.TagoTip;

namespace TagoFirmware.Host.Tests.TagoTip
{
    /// <summary>The independent parser on the specification's own examples and on frames a server must refuse.</summary>
    [TestClass]
    public sealed class TagoTipFrameParserTests
    {
        [TestMethod]
        [DataRow("[temperature:=32;humidity:=65]", 2)]
        [DataRow("!42|[temp:=32#C]", 1)]
        [DataRow("[temperature:=32.5#C;status=online;active?=true]", 3)]
        [DataRow("[temperature:=-15.3#C]", 1)]
        [DataRow("[position@=39.74,-104.99,305]", 1)]
        [DataRow("[speed:=10#km/h@=39.74,-104.99,305]", 1)]
        [DataRow("[temperature:=32{source=dht22,quality=high}]", 1)]
        [DataRow("@=39.74,-104.99@1694567890000^batch_42{firmware=2.1}[temperature:=32#C;humidity:=65#%]", 2)]
        [DataRow("[temp:=32@1694567890000;temp:=33@1694567900000;temp:=31@1694567910000]", 3)]
        [DataRow("[temperature:=32.5#C@=39.74,-104.99@1694567890000^reading_001{source=dht22,quality=high}]", 1)]
        [DataRow("[s=a\\|b\\;c\\nd,e]", 1)]
        [DataRow("[s=x]\n", 1)]
        [DataRow("!0|[t:=-0]", 1)]
        [DataRow(">xDEADBEEF01020304", 0)]
        [DataRow(">b3q2+7wECAwQ=", 0)]
        public void The_specification_examples_are_accepted(string frame, int points)
        {
            TagoTipPush push = TagoTipPush.Parse(Encoding.UTF8.GetBytes(frame));

            Assert.IsNull(push.Error, frame);
            Assert.AreEqual(points, push.Points.Count);
        }

        [TestMethod]
        public void Inheritance_applies_body_defaults_and_variables_override_them()
        {
            TagoTipPush push = TagoTipPush.Parse(Encoding.UTF8.GetBytes(
                "@1694567890000^g{firmware=2.1,source=x}[temp:=32#C{source=dht22};humidity:=65@1694567891000^h]"));

            Assert.AreEqual(1694567890000L, push.Points[0].Time);
            Assert.AreEqual("g", push.Points[0].Group);
            Assert.AreEqual("dht22", push.Points[0].Metadata["source"]);
            Assert.AreEqual("2.1", push.Points[0].Metadata["firmware"]);
            Assert.AreEqual(1694567891000L, push.Points[1].Time);
            Assert.AreEqual("h", push.Points[1].Group);
            Assert.AreEqual("x", push.Points[1].Metadata["source"]);
            Assert.AreEqual("a,b\n", TagoTipPush.Parse(Encoding.UTF8.GetBytes("[s=x\\;y{k=a\\,b\\n}]")).Points[0].Metadata["k"]);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("[]")]
        [DataRow("[temp:=]")]
        [DataRow("[status=]")]
        [DataRow("[t:=1e5]")]
        [DataRow("[t:=NaN]")]
        [DataRow("[t:=+1]")]
        [DataRow("[t:=01]")]
        [DataRow("[t:=.5]")]
        [DataRow("[t:=5.]")]
        [DataRow("[a?=True]")]
        [DataRow("[Temp:=1]")]
        [DataRow("[temp-1:=1]")]
        [DataRow("[t:=1#°C]")]
        [DataRow("[t:=1#abcdefghijklmnopqrstuvwxyz]")]
        [DataRow("[t:=1{}]")]
        [DataRow("[t:=1{k}]")]
        [DataRow("[t:=1{k=a,b}]")]
        [DataRow("[t:=1;]")]
        [DataRow("[s=a|b]")]
        [DataRow("[s=a\\xb]")]
        [DataRow("[s=a\\]")]
        [DataRow("^g@1[t:=1]")]
        [DataRow("@1@2[t:=1]")]
        [DataRow("[p@=1,2#m]")]
        [DataRow("!01|[t:=1]")]
        [DataRow("!4294967296|[t:=1]")]
        [DataRow(">x123")]
        [DataRow("[t:=1@abc]")]
        public void Frames_a_server_must_refuse_are_invalid_payload(string frame)
        {
            Assert.AreEqual("invalid_payload", TagoTipPush.Parse(Encoding.UTF8.GetBytes(frame)).Error, frame);
        }

        [TestMethod]
        public void More_than_100_variables_is_invalid_and_more_than_16384_bytes_is_too_large()
        {
            string hundredAndOne = "[" + string.Join(";", System.Linq.Enumerable.Repeat("v:=1", 101)) + "]";
            Assert.AreEqual("invalid_payload", TagoTipPush.Parse(Encoding.UTF8.GetBytes(hundredAndOne)).Error);

            string huge = "[s=" + new string('x', 16381) + "]";
            Assert.AreEqual("payload_too_large", TagoTipPush.Parse(Encoding.UTF8.GetBytes(huge)).Error);
            string largest = "[s=" + new string('x', 16380) + "]";
            Assert.IsNull(TagoTipPush.Parse(Encoding.UTF8.GetBytes(largest)).Error);
        }
    }
}
