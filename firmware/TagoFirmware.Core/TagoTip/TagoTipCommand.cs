namespace TagoFirmware.TagoTip
{
    /// <summary>
    /// Turns the text of a <c>CMD|…</c> (TagoTiP commands are application-defined strings, §9.1) into the input of
    /// the node's command parser, so TagoTiP commands get the same validation, persistence and error counting as
    /// MQTT ones: <c>name</c> or <c>name=value</c> becomes the topic <c>{prefix}{name}</c> and the payload
    /// <c>value</c>. <c>CMD|reboot</c>, <c>CMD|ping</c>, <c>CMD|diagnostics</c>, <c>CMD|interval=60</c> and
    /// <c>CMD|batch=10</c> are the commands the parser knows; any other name reaches it and is refused there.
    /// </summary>
    public static class TagoTipCommand
    {
        /// <summary>Longest command name accepted.</summary>
        public const int MaxNameLength = 32;

        /// <summary>
        /// Splits <paramref name="text"/>[offset..offset+length) at its first <c>=</c>. Allocates the topic string
        /// (commands are rare). Never throws.
        /// </summary>
        /// <param name="topicPrefix">The command parser's topic prefix (its filter without the final <c>+</c>).</param>
        /// <param name="text">The buffer holding the command text (the detail of <see cref="TagoTipAck"/>).</param>
        /// <param name="offset">Start of the command text.</param>
        /// <param name="length">Its length.</param>
        /// <param name="valueOffset">Start of the value (the parser's payload).</param>
        /// <param name="valueLength">Length of the value; 0 when there is none.</param>
        /// <returns>The topic, or null when the name is not <c>[a-z0-9_]{1,32}</c> (not a command this node can run).</returns>
        public static string ToTopic(string topicPrefix, byte[] text, int offset, int length, out int valueOffset, out int valueLength)
        {
            valueOffset = offset;
            valueLength = 0;
            if (topicPrefix == null || text == null || offset < 0 || length <= 0 || offset > text.Length - length)
            {
                return null;
            }

            int end = offset + length;
            int p = offset;
            while (p < end && text[p] != '=')
            {
                p++;
            }

            int nameLength = p - offset;
            if (nameLength == 0 || nameLength > MaxNameLength)
            {
                return null;
            }

            char[] name = new char[nameLength];
            for (int i = 0; i < nameLength; i++)
            {
                byte b = text[offset + i];
                if (!((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '_'))
                {
                    return null;
                }

                name[i] = (char)b;
            }

            if (p < end)
            {
                valueOffset = p + 1;
                valueLength = end - p - 1;
            }

            return topicPrefix + new string(name);
        }
    }
}
