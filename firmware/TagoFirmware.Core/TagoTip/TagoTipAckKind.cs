namespace TagoFirmware.TagoTip
{
    /// <summary>What a message on <c>$tip/{serial}/ack</c> is (TagoTiP 1.0 §9: <c>[!N|]STATUS[|DETAIL]</c>).</summary>
    public enum TagoTipAckKind
    {
        /// <summary>Not a TagoTiP acknowledgement (empty, unknown status, bad <c>!N</c>, NUL, missing detail).</summary>
        Malformed = 0,
        /// <summary><c>CMD|text</c>: a command; never carries <c>!N</c> (§9.5).</summary>
        Command = 1,
        /// <summary><c>OK|n</c>: n data points stored.</summary>
        Ok = 2,
        /// <summary><c>ERR|code</c>.</summary>
        Error = 3,
        /// <summary><c>PONG</c>, an <c>OK</c> answering a PULL, or a <c>CMD</c> with <c>!N</c>: nothing the node asked for.</summary>
        Other = 4,
    }
}
