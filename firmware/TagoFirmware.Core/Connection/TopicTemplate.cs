namespace TagoFirmware.Connection
{
    /// <summary>Expands <c>{client_id}</c> in topic templates (once, at start-up).</summary>
    public static class TopicTemplate
    {
        /// <summary>The placeholder replaced by the client id.</summary>
        public const string ClientIdPlaceholder = "{client_id}";

        /// <summary>Replaces every <c>{client_id}</c> in <paramref name="template"/> with <paramref name="clientId"/>.</summary>
        /// <param name="template">Topic template, e.g. <c>sensors/{client_id}/data</c>.</param>
        /// <param name="clientId">The client id.</param>
        /// <returns>The expanded topic; null when <paramref name="template"/> is null.</returns>
        public static string Expand(string template, string clientId)
        {
            if (template == null)
            {
                return null;
            }

            if (clientId == null)
            {
                clientId = string.Empty;
            }

            // nanoFramework's mscorlib has no string.Replace: rebuild with IndexOf/Substring (start-up only).
            string result = string.Empty;
            int from = 0;
            while (true)
            {
                int at = template.IndexOf(ClientIdPlaceholder, from);
                if (at < 0)
                {
                    break;
                }

                result = result + template.Substring(from, at - from) + clientId;
                from = at + ClientIdPlaceholder.Length;
            }

            return result + template.Substring(from);
        }
    }
}
