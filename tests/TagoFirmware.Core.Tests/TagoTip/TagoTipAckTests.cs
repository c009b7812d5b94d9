using nanoFramework.TestFramework;
using TagoFirmware.TagoTip;
using TagoFirmware.Tests.Payload;

namespace TagoFirmware.Tests.TagoTip
{
    /// <summary>Reading messages of the ack topic: <c>[!N|]STATUS[|DETAIL]</c> (TagoTiP 1.0 §9, §12.1, §14).</summary>
    [TestClass]
    public class TagoTipAckTests
    {
        [TestMethod]
        [DataRow("OK|2", (int)TagoTipAction.Delivered, -1L, 2, (int)TagoTipError.None)]
        [DataRow("!42|OK|2", (int)TagoTipAction.Delivered, 42L, 2, (int)TagoTipError.None)]
        [DataRow("!0|OK|0", (int)TagoTipAction.Delivered, 0L, 0, (int)TagoTipError.None)]
        [DataRow("!4294967295|OK|1\n", (int)TagoTipAction.Delivered, 4294967295L, 1, (int)TagoTipError.None)]
        [DataRow("ACK|!7|OK|3", (int)TagoTipAction.Delivered, 7L, 3, (int)TagoTipError.None)]
        [DataRow("!7|OK", (int)TagoTipAction.Delivered, 7L, -1, (int)TagoTipError.None)]
        [DataRow("!7|OK|[t:=1]", (int)TagoTipAction.Ignore, 7L, -1, (int)TagoTipError.None)]
        [DataRow("!7|PONG", (int)TagoTipAction.Ignore, 7L, -1, (int)TagoTipError.None)]
        [DataRow("CMD|reboot", (int)TagoTipAction.Command, -1L, -1, (int)TagoTipError.None)]
        [DataRow("!3|CMD|reboot", (int)TagoTipAction.Ignore, 3L, -1, (int)TagoTipError.None)]
        [DataRow("ERR|invalid_token", (int)TagoTipAction.Ignore, -1L, -1, (int)TagoTipError.InvalidToken)]
        [DataRow("!9|ERR|device_not_found", (int)TagoTipAction.Ignore, 9L, -1, (int)TagoTipError.DeviceNotFound)]
        [DataRow("!9|ERR|rate_limited", (int)TagoTipAction.Ignore, 9L, -1, (int)TagoTipError.RateLimited)]
        [DataRow("!9|ERR|invalid_payload", (int)TagoTipAction.Ignore, 9L, -1, (int)TagoTipError.InvalidPayload)]
        [DataRow("!9|ERR|payload_too_large", (int)TagoTipAction.Ignore, 9L, -1, (int)TagoTipError.PayloadTooLarge)]
        [DataRow("!9|ERR|server_error", (int)TagoTipAction.Ignore, 9L, -1, (int)TagoTipError.ServerError)]
        [DataRow("!9|ERR|invalid_seq", (int)TagoTipAction.Ignore, 9L, -1, (int)TagoTipError.InvalidSeq)]
        [DataRow("ERR|ttl_expired", (int)TagoTipAction.Ignore, -1L, -1, (int)TagoTipError.TtlExpired)]
        [DataRow("ERR|keep_alive_timeout\n", (int)TagoTipAction.Ignore, -1L, -1, (int)TagoTipError.KeepAliveTimeout)]
        [DataRow("ERR|invalid_method", (int)TagoTipAction.Ignore, -1L, -1, (int)TagoTipError.Unknown)]
        [DataRow("ERR|Invalid_Token", (int)TagoTipAction.Ignore, -1L, -1, (int)TagoTipError.Unknown)]
        [DataRow("ERR", (int)TagoTipAction.Ignore, -1L, -1, (int)TagoTipError.Unknown)]
        public void Well_formed_messages_are_classified_with_their_sequence_count_and_code(string message, int kind, long sequence, int count, int error)
        {
            TagoTipReceipts ack = new TagoTipReceipts();

            Assert.AreEqual(kind, (int)ack.Parse(PayloadText.Utf8(message)));
            Assert.AreEqual(sequence, ack.Sequence);
            Assert.AreEqual(count, ack.Count);
            Assert.AreEqual(error, (int)ack.Error);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("ok|1")]
        [DataRow("OKAY|1")]
        [DataRow("|OK|1")]
        [DataRow("!|OK|1")]
        [DataRow("!01|OK|1")]
        [DataRow("!-1|OK|1")]
        [DataRow("!4294967296|OK|1")]
        [DataRow("!99999999999999999999|OK|1")]
        [DataRow("!5OK|1")]
        [DataRow("!5")]
        [DataRow("CMD")]
        [DataRow("CMD|")]
        [DataRow("CMD|a|b")]
        [DataRow("!1|!2|OK|1")]
        [DataRow("\n")]
        public void Anything_else_is_malformed(string message)
        {
            TagoTipReceipts ack = new TagoTipReceipts();

            Assert.AreEqual(TagoTipAction.Ignore, ack.Parse(PayloadText.Utf8(message)));
            Assert.AreEqual(TagoTipError.None, ack.Error);
        }

        [TestMethod]
        public void A_NUL_in_the_detail_is_malformed_and_null_never_throws()
        {
            byte[] buffer = PayloadText.Utf8("CMD|reboot");
            buffer[6] = 0;
            TagoTipReceipts ack = new TagoTipReceipts();

            Assert.AreEqual(TagoTipAction.Ignore, ack.Parse(buffer));
            Assert.AreEqual(TagoTipAction.Ignore, ack.Parse(null));
        }
    }
}
