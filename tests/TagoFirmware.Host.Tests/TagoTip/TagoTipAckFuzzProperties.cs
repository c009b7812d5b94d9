using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Host.Tests.TagoTip
{
    /// <summary>Any bytes on the ack topic: the classifier, the receipt policy and the CMD mapping never throw.</summary>
    [TestClass]
    public sealed class TagoTipAckFuzzProperties
    {
        private static readonly string[] s_pieces =
        {
            "!", "!0", "!1", "!42", "!4294967295", "!4294967296", "|", "OK", "ERR", "CMD", "PONG", "ACK|", "\n", "\0", "=",
            "invalid_token", "invalid_seq", "invalid_payload", "rate_limited", "ttl_expired", "reboot", "interval=60", "0", "[", "é",
        };

        private static readonly Gen<byte[]> s_message = Gen.OneOf(
            Gen.Byte.Array[0, 64],
            Gen.Int[0, s_pieces.Length - 1].Select(i => s_pieces[i]).Array[0, 8].Select(p => Encoding.UTF8.GetBytes(string.Concat(p))));

        [TestMethod]
        public void Random_messages_never_throw_and_settle_only_the_frame_in_flight()
        {
            Gen.Select(s_message.Array[1, 6], Gen.Int[0, 8]).Sample((messages, start) =>
            {
                var receipts = new TagoTipReceipts();
                receipts.OnSent(42, 2, 2);
                foreach (byte[] whole in messages)
                {
                    byte[] message = whole[(start % (whole.Length + 1))..];
                    bool wasInFlight = receipts.InFlight;
                    TagoTipAction action = receipts.OnAck(message);
                    if (action == TagoTipAction.Delivered || action == TagoTipAction.DeliveredCountMismatch)
                    {
                        Assert.IsTrue(wasInFlight && receipts.Sequence == 42);
                    }

                    if (action == TagoTipAction.Command)
                    {
                        Assert.IsTrue(receipts.DetailLength > 0);
                        receipts.CommandTopic("$tip/n/cmd/", message, out int valueOffset, out int valueLength);
                        Assert.IsTrue(valueOffset >= 0 && valueOffset + valueLength <= message.Length);
                    }
                }
            }, iter: 20_000);
        }
    }
}
