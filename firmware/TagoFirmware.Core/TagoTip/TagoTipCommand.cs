using TagoFirmware.Payload;

namespace TagoFirmware.TagoTip
{
    /// <summary>
    /// Turns a <c>CMD|name[=value]</c> (application-defined text, TagoTiP §9.1) into the command parser's topic
    /// <c>{prefix}{name}</c> and payload <c>value</c>, so TagoTiP commands get the same validation as MQTT ones.
    /// </summary>
    public static class TagoTipCommand
    {
        /// <summary>Longest command name accepted.</summary>
        public const int MaxNameLength = 32;

        /// <summary>Splits <paramref name="text"/>[offset..offset+length) at its first <c>=</c>; returns the topic (allocated: commands are rare), or null when the name is not <c>[a-z0-9_]{1,32}</c>.</summary>
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
            char[] name = new char[MaxNameLength];
            for (; p < end && text[p] != '='; p++)
            {
                if (p - offset == MaxNameLength || !JsonText.IsNameByte(text[p]))
                {
                    return null;
                }

                name[p - offset] = (char)text[p];
            }

            if (p == offset)
            {
                return null;
            }

            if (p < end)
            {
                valueOffset = p + 1;
                valueLength = end - p - 1;
            }

            return topicPrefix + new string(name, 0, p - offset);
        }
    }
}
