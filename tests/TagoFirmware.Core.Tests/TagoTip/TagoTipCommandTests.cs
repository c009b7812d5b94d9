using nanoFramework.TestFramework;
using TagoFirmware.Commands;
using TagoFirmware.TagoTip;
using TagoFirmware.Tests.Payload;

namespace TagoFirmware.Tests.TagoTip
{
    /// <summary><c>CMD|…</c> texts become the command parser's topic and payload, and the parser decides.</summary>
    [TestClass]
    public class TagoTipCommandTests
    {
        private const string Prefix = "$tip/node-1/cmd/";

        [TestMethod]
        [DataRow("CMD|reboot", 1, (int)CommandError.None)]
        [DataRow("CMD|ping", 2, (int)CommandError.None)]
        [DataRow("CMD|diagnostics", 5, (int)CommandError.None)]
        [DataRow("CMD|interval=60", 3, (int)CommandError.None)]
        [DataRow("CMD|batch=10", 4, (int)CommandError.None)]
        [DataRow("CMD|batch=\"10\"", 4, (int)CommandError.None)]
        [DataRow("CMD|interval=", 3, (int)CommandError.MissingValue)]
        [DataRow("CMD|interval", 3, (int)CommandError.MissingValue)]
        [DataRow("CMD|interval=1 min", 3, (int)CommandError.MalformedJson)]
        [DataRow("CMD|interval=0", 3, (int)CommandError.OutOfRange)]
        [DataRow("CMD|batch=101", 4, (int)CommandError.OutOfRange)]
        [DataRow("CMD|ota=https://example.com/v2.bin", 0, (int)CommandError.UnknownCommand)]
        public void Commands_reach_the_parser_with_its_validation(string message, int kind, int error)
        {
            TagoTipReceipts ack = new TagoTipReceipts();
            byte[] bytes = PayloadText.Utf8(message);
            Assert.AreEqual(TagoTipAction.Command, ack.Parse(bytes));

            int valueOffset;
            int valueLength;
            string topic = ack.CommandTopic(Prefix, bytes, out valueOffset, out valueLength);
            CommandParser parser = new CommandParser(Prefix + "+", 5);
            byte[] value = new byte[valueLength];
            System.Array.Copy(bytes, valueOffset, value, 0, valueLength);
            CommandError result = parser.Parse(topic, value);

            Assert.AreEqual(error, (int)result);
            Assert.AreEqual(kind, parser.Kind);
        }

        [TestMethod]
        public void The_value_is_everything_after_the_first_equals_sign_up_to_a_trailing_line_feed()
        {
            byte[] bytes = PayloadText.Utf8("CMD|interval=6=0\n");
            TagoTipReceipts ack = new TagoTipReceipts();
            ack.Parse(bytes);
            int valueOffset;
            int valueLength;

            Assert.AreEqual(Prefix + "interval", ack.CommandTopic(Prefix, bytes, out valueOffset, out valueLength));
            Assert.AreEqual(13, valueOffset);
            Assert.AreEqual(3, valueLength);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("=5")]
        [DataRow("Reboot")]
        [DataRow("re/boot")]
        [DataRow("+")]
        [DataRow("abcdefghijklmnopqrstuvwxyz0123456")]
        public void Names_that_cannot_be_commands_give_no_topic(string text)
        {
            byte[] bytes = PayloadText.Utf8("CMD|" + text);
            TagoTipReceipts ack = new TagoTipReceipts();
            ack.Parse(bytes);
            int valueOffset;
            int valueLength;

            Assert.IsNull(ack.CommandTopic(Prefix, bytes, out valueOffset, out valueLength));
        }
    }
}
