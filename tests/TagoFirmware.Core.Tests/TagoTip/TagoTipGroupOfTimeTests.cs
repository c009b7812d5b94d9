using nanoFramework.TestFramework;
using TagoFirmware.Payload;
using TagoFirmware.Readings;
using TagoFirmware.TagoTip;
using TagoFirmware.Tests.Payload;

namespace TagoFirmware.Tests.TagoTip
{
    /// <summary>The group of a cycle's time, formatted once per cycle: the same bytes as writing that group id.</summary>
    [TestClass]
    public class TagoTipGroupOfTimeTests
    {
        private const long Start = 1795617000000L;
        private static readonly TagoTipToken s_name = TagoTipToken.Name(PayloadText.Utf8("t"));

        [TestMethod]
        public void The_group_of_a_time_writes_the_same_frame_as_its_group_id()
        {
            long[] times = { Start, Start, Start + 60000, Start + 60000, Start + 120000, Start, Start + 120000 };
            TagoTipWriter byId = new TagoTipWriter(new byte[1024]);
            TagoTipWriter byTime = new TagoTipWriter(new byte[1024]);
            byte[] frameGroup = Id(Start);
            byId.Begin(7, Start, frameGroup);
            byTime.Begin(7, Start, frameGroup);
            for (int i = 0; i < times.Length; i++)
            {
                byId.BeginVariable(s_name);
                byId.NumberScaled(i, 0);
                byId.Time(times[i]);
                byId.Group(Id(times[i]));
                Assert.AreEqual(TagoWriteResult.Ok, byId.EndVariable());
                byTime.BeginVariable(s_name);
                byTime.NumberScaled(i, 0);
                byTime.Time(times[i]);
                Assert.AreEqual(TagoWriteResult.Ok, byTime.GroupOfTime(times[i]));
                Assert.AreEqual(TagoWriteResult.Ok, byTime.EndVariable());
            }

            Assert.AreEqual(Text(byId, byId.Finish()), Text(byTime, byTime.Finish()));
        }

        [TestMethod]
        public void A_new_frame_compares_the_cycle_with_its_own_group()
        {
            TagoTipWriter writer = new TagoTipWriter(new byte[1024]);
            writer.Begin(-1, Start, Id(Start));
            writer.BeginVariable(s_name);
            writer.NumberScaled(1, 0);
            writer.GroupOfTime(Start);
            writer.EndVariable();
            Assert.AreEqual("@1795617000000^" + PayloadText.Decode(Id(Start), ReadingGroupId.Length) + "[t:=1]", Text(writer, writer.Finish()));

            writer.Begin(-1, Start, null);
            writer.BeginVariable(s_name);
            writer.NumberScaled(1, 0);
            writer.GroupOfTime(Start);
            writer.EndVariable();
            Assert.AreEqual("@1795617000000[t:=1^" + PayloadText.Decode(Id(Start), ReadingGroupId.Length) + "]", Text(writer, writer.Finish()));
        }

        [TestMethod]
        public void A_time_without_a_group_is_refused_and_rolls_the_variable_back()
        {
            TagoTipWriter writer = new TagoTipWriter(new byte[1024]);
            writer.Begin(-1, -1, null);
            writer.BeginVariable(s_name);
            writer.NumberScaled(1, 0);
            Assert.AreEqual(TagoWriteResult.InvalidGroup, writer.GroupOfTime(-1));
            Assert.AreEqual(TagoWriteResult.InvalidGroup, writer.EndVariable());
            Assert.AreEqual(0, writer.Finish());
        }

        private static byte[] Id(long unixMs)
        {
            byte[] id = new byte[ReadingGroupId.Length];
            ReadingGroupId.Write(unixMs, id, 0);
            return id;
        }

        private static string Text(TagoTipWriter writer, int length) => PayloadText.Decode(writer.Buffer, length);
    }
}
