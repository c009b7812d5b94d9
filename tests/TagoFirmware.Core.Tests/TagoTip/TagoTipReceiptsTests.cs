using nanoFramework.TestFramework;
using TagoFirmware.TagoTip;
using TagoFirmware.Tests.Payload;

namespace TagoFirmware.Tests.TagoTip
{
    /// <summary>What each message on the ack topic does to the frame in flight, and every ERR code's action.</summary>
    [TestClass]
    public class TagoTipReceiptsTests
    {
        [TestMethod]
        [DataRow("!5|ERR|invalid_token", (int)TagoTipAction.CredentialFailure)]
        [DataRow("!5|ERR|device_not_found", (int)TagoTipAction.CredentialFailure)]
        [DataRow("!5|ERR|rate_limited", (int)TagoTipAction.BackOff)]
        [DataRow("!5|ERR|server_error", (int)TagoTipAction.RetryLater)]
        [DataRow("!5|ERR|invalid_method", (int)TagoTipAction.RetryLater)]
        [DataRow("!5|ERR|something_new", (int)TagoTipAction.RetryLater)]
        [DataRow("!5|ERR|ttl_expired", (int)TagoTipAction.SessionEnd)]
        [DataRow("!5|ERR|keep_alive_timeout", (int)TagoTipAction.SessionEnd)]
        [DataRow("ERR|rate_limited", (int)TagoTipAction.BackOff)]
        [DataRow("ERR|server_error", (int)TagoTipAction.RetryLater)]
        [DataRow("ERR|invalid_payload", (int)TagoTipAction.Split)]
        [DataRow("!5|ERR|invalid_payload", (int)TagoTipAction.Split)]
        [DataRow("!5|ERR|payload_too_large", (int)TagoTipAction.Split)]
        [DataRow("!5|ERR|invalid_seq", (int)TagoTipAction.JumpSequence)]
        [DataRow("!5|OK|4", (int)TagoTipAction.Delivered)]
        [DataRow("CMD|reboot", (int)TagoTipAction.Command)]
        public void Every_answer_to_the_frame_in_flight_maps_to_its_action(string message, int action)
        {
            TagoTipReceipts receipts = new TagoTipReceipts();
            receipts.OnSent(5, 4, 2);

            Assert.AreEqual(action, (int)receipts.OnAck(PayloadText.Utf8(message)));
            Assert.AreEqual(action == (int)TagoTipAction.Command, receipts.InFlight);
        }

        [TestMethod]
        [DataRow("ERR|invalid_token", (int)TagoTipAction.CredentialFailure)]
        [DataRow("ERR|device_not_found", (int)TagoTipAction.CredentialFailure)]
        [DataRow("ERR|rate_limited", (int)TagoTipAction.BackOff)]
        [DataRow("ERR|ttl_expired", (int)TagoTipAction.SessionEnd)]
        [DataRow("ERR|keep_alive_timeout", (int)TagoTipAction.SessionEnd)]
        [DataRow("ERR|server_error", (int)TagoTipAction.RetryLater)]
        [DataRow("ERR|invalid_payload", (int)TagoTipAction.Ignore)]
        [DataRow("ERR|invalid_seq", (int)TagoTipAction.Ignore)]
        public void An_error_without_a_frame_in_flight_is_about_the_session(string message, int action)
        {
            Assert.AreEqual(action, (int)new TagoTipReceipts().OnAck(PayloadText.Utf8(message)));
        }

        [TestMethod]
        public void A_second_answer_to_a_settled_frame_is_ignored()
        {
            TagoTipReceipts receipts = new TagoTipReceipts();
            receipts.OnSent(5, 2, 1);
            Assert.AreEqual(TagoTipAction.Delivered, receipts.OnAck(PayloadText.Utf8("!5|OK|2")));
            receipts.OnSent(6, 2, 1);

            Assert.AreEqual(TagoTipAction.Ignore, receipts.OnAck(PayloadText.Utf8("!5|OK|2")));
            Assert.AreEqual(TagoTipAction.Ignore, receipts.OnAck(PayloadText.Utf8("!5|ERR|invalid_seq")));
            Assert.IsTrue(receipts.InFlight);
            Assert.AreEqual(TagoTipAction.Delivered, receipts.OnAck(PayloadText.Utf8("!6|OK|2")));
        }

        [TestMethod]
        public void Receipts_for_no_frame_sent_and_OK_without_sequence_are_strays_and_settle_nothing()
        {
            TagoTipReceipts receipts = new TagoTipReceipts();
            receipts.OnSent(5, 2, 1);

            Assert.AreEqual(TagoTipAction.Ignore, receipts.OnAck(PayloadText.Utf8("!9|OK|2")));
            Assert.AreEqual(TagoTipAction.Ignore, receipts.OnAck(PayloadText.Utf8("OK|2")));
            Assert.AreEqual(TagoTipAction.Ignore, receipts.OnAck(PayloadText.Utf8("garbage")));
            Assert.AreEqual(TagoTipAction.Ignore, receipts.OnAck(PayloadText.Utf8("!5|PONG")));
            Assert.IsTrue(receipts.InFlight);
        }

        [TestMethod]
        public void An_unanswered_frame_goes_back_and_its_late_receipt_is_a_stray()
        {
            TagoTipReceipts receipts = new TagoTipReceipts();
            receipts.OnSent(5, 2, 1);
            receipts.InFlight = false;

            Assert.AreEqual(TagoTipAction.Ignore, receipts.OnAck(PayloadText.Utf8("!5|OK|2")));
        }

        [TestMethod]
        public void A_count_different_from_the_variables_sent_is_delivered_and_reported_once()
        {
            TagoTipReceipts receipts = new TagoTipReceipts();
            receipts.OnSent(1, 20, 10);
            Assert.AreEqual(TagoTipAction.DeliveredCountMismatch, receipts.OnAck(PayloadText.Utf8("!1|OK|19")));
            receipts.OnSent(2, 20, 10);
            Assert.AreEqual(TagoTipAction.Delivered, receipts.OnAck(PayloadText.Utf8("!2|OK|0")));
        }

        [TestMethod]
        public void Invalid_payload_halves_the_frame_down_to_one_cycle_then_quarantines_that_cycle()
        {
            TagoTipReceipts receipts = new TagoTipReceipts();
            int[] cycles = { 8, 4, 2 };
            for (int i = 0; i < cycles.Length; i++)
            {
                receipts.OnSent(i + 1, cycles[i] * 2, cycles[i]);
                Assert.AreEqual(TagoTipAction.Split, receipts.OnAck(PayloadText.Utf8("ERR|invalid_payload")));
                Assert.AreEqual(cycles[i] / 2, receipts.CycleLimit);
            }

            receipts.OnSent(4, 2, 1);
            Assert.AreEqual(TagoTipAction.Quarantine, receipts.OnAck(PayloadText.Utf8("!4|ERR|invalid_payload")));
            Assert.AreEqual(1, receipts.Quarantined);
            Assert.AreEqual(0, receipts.CycleLimit);
        }

        [TestMethod]
        public void The_fourth_refused_cycle_in_a_row_stops_sending_and_keeps_the_queue()
        {
            TagoTipReceipts receipts = new TagoTipReceipts();
            for (int i = 1; i <= TagoTipReceipts.MaxConsecutiveQuarantines; i++)
            {
                receipts.OnSent(i, 2, 1);
                Assert.AreEqual(TagoTipAction.Quarantine, receipts.OnAck(PayloadText.Utf8("ERR|invalid_payload")));
            }

            receipts.OnSent(9, 2, 1);
            Assert.AreEqual(TagoTipAction.ProtocolMismatch, receipts.OnAck(PayloadText.Utf8("ERR|invalid_payload")));
            Assert.AreEqual(TagoTipAction.ProtocolMismatch, receipts.Stopped);
            Assert.AreEqual(3, receipts.Quarantined);
        }

        [TestMethod]
        public void A_delivery_between_quarantines_resets_the_run()
        {
            TagoTipReceipts receipts = new TagoTipReceipts();
            for (int i = 1; i <= 10; i++)
            {
                receipts.OnSent(i * 2, 2, 1);
                Assert.AreEqual(TagoTipAction.Quarantine, receipts.OnAck(PayloadText.Utf8("ERR|payload_too_large")));
                receipts.OnSent((i * 2) + 1, 2, 1);
                receipts.OnAck(PayloadText.Utf8("OK|2"));
                receipts.OnAck(PayloadText.Utf8("!" + ((i * 2) + 1).ToString() + "|OK|2"));
            }

            Assert.AreEqual(TagoTipAction.Ignore, receipts.Stopped);
            Assert.AreEqual(10, receipts.Quarantined);
        }

        [TestMethod]
        public void Invalid_seq_jumps_by_doubling_steps_and_the_32nd_rejection_stops_sending()
        {
            TagoTipReceipts receipts = new TagoTipReceipts();
            long expected = 1;
            for (int i = 1; i < TagoTipReceipts.MaxSequenceRejections; i++)
            {
                receipts.OnSent(i, 2, 1);
                Assert.AreEqual(TagoTipAction.JumpSequence, receipts.OnAck(PayloadText.Utf8("!" + i.ToString() + "|ERR|invalid_seq")));
                Assert.AreEqual(expected, receipts.SequenceJump);
                expected *= 2;
            }

            receipts.OnSent(100, 2, 1);
            Assert.AreEqual(TagoTipAction.SequenceRejected, receipts.OnAck(PayloadText.Utf8("!100|ERR|invalid_seq")));
            Assert.AreEqual(TagoTipAction.SequenceRejected, receipts.Stopped);
        }

        [TestMethod]
        public void A_delivery_resets_the_jump_and_the_split_grows_back()
        {
            TagoTipReceipts receipts = new TagoTipReceipts();
            receipts.OnSent(1, 2, 1);
            receipts.OnAck(PayloadText.Utf8("!1|ERR|invalid_seq"));
            receipts.OnSent(3, 2, 1);
            receipts.OnAck(PayloadText.Utf8("!3|ERR|invalid_seq"));
            Assert.AreEqual(2L, receipts.SequenceJump);
            receipts.OnSent(6, 8, 4);
            receipts.OnAck(PayloadText.Utf8("!6|ERR|invalid_payload"));
            Assert.AreEqual(2, receipts.CycleLimit);

            receipts.OnSent(7, 4, 2);
            Assert.AreEqual(TagoTipAction.Delivered, receipts.OnAck(PayloadText.Utf8("!7|OK|4")));
            Assert.AreEqual(4, receipts.CycleLimit);
            receipts.OnSent(8, 2, 1);
            receipts.OnAck(PayloadText.Utf8("!8|ERR|invalid_seq"));
            Assert.AreEqual(1L, receipts.SequenceJump);
        }
    }
}
