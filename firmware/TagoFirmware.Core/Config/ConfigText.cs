namespace TagoFirmware.Config
{
    /// <summary>
    /// Text checks and formatting used by the config parser and validator. They run once per config read (boot, or the
    /// one-minute re-read in the safe state), never per reading, so walking strings here is acceptable.
    /// </summary>
    public static class ConfigText
    {
        private const string PemBegin = "-----BEGIN CERTIFICATE-----";
        private const string PemEnd = "-----END CERTIFICATE-----";

        /// <summary>True when <paramref name="value"/> looks like PEM text rather than a file name.</summary>
        /// <param name="value">A <c>mqtt.ca_certificates</c> entry.</param>
        /// <returns>True when it contains a PEM certificate header.</returns>
        public static bool IsPem(string value)
        {
            return value != null && value.IndexOf(PemBegin) >= 0;
        }

        /// <summary>
        /// Checks a PEM entry: at least one BEGIN/END CERTIFICATE pair (RFC 7468 §2) with only base64 characters and
        /// whitespace between the markers.
        /// </summary>
        /// <param name="pem">The PEM text.</param>
        /// <returns>Null when well-formed, otherwise what is wrong.</returns>
        public static string PemProblem(string pem)
        {
            string rest = pem;
            int count = 0;
            while (true)
            {
                int begin = rest.IndexOf(PemBegin);
                if (begin < 0)
                {
                    break;
                }

                int end = rest.IndexOf(PemEnd, begin);
                if (end < 0)
                {
                    return "PEM certificate " + (count + 1) + " has no \"" + PemEnd + "\" line";
                }

                char[] body = rest.Substring(begin + PemBegin.Length, end - begin - PemBegin.Length).ToCharArray();
                int base64 = 0;
                for (int i = 0; i < body.Length; i++)
                {
                    char c = body[i];
                    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=')
                    {
                        base64++;
                    }
                    else if (c != '\n' && c != '\r' && c != ' ' && c != '\t')
                    {
                        return "PEM certificate " + (count + 1) + " contains a character that is not base64 (write line breaks as \\n in JSON)";
                    }
                }

                if (base64 < 64)
                {
                    return "PEM certificate " + (count + 1) + " is too short to be a certificate";
                }

                count++;
                rest = rest.Substring(end + PemEnd.Length);
            }

            return count == 0 ? "no \"" + PemBegin + "\" line" : null;
        }

        /// <summary>
        /// Loose shape check of a TagoIO device token: TagoIO tokens are UUIDs (8-4-4-4-12 hex digits; the TagoIO
        /// device guide checks <c>^[a-f0-9-]{36}$</c>). Accepted: exactly 32 hex digits (either case), hyphens anywhere.
        /// </summary>
        /// <param name="token">The token.</param>
        /// <returns>True when the shape is plausible.</returns>
        public static bool IsPlausibleToken(string token)
        {
            if (token == null)
            {
                return false;
            }

            char[] chars = token.ToCharArray();
            int hex = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
                {
                    hex++;
                }
                else if (c != '-')
                {
                    return false;
                }
            }

            return hex == 32;
        }

        /// <summary>True when the token is the all-zeros placeholder of the example file.</summary>
        /// <param name="token">The token.</param>
        /// <returns>True when every hex digit is 0.</returns>
        public static bool IsPlaceholderToken(string token)
        {
            if (token == null || token.Length == 0)
            {
                return false;
            }

            char[] chars = token.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] != '0' && chars[i] != '-')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Client ids: 1…64 of <c>A–Z a–z 0–9 - _</c> (safe inside topics: no <c>/ + #</c>).</summary>
        /// <param name="id">The client id.</param>
        /// <returns>True when allowed.</returns>
        public static bool IsValidClientId(string id)
        {
            if (id == null || id.Length == 0 || id.Length > 64)
            {
                return false;
            }

            char[] chars = id.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Checks a topic template (MQTT 3.1.1 §4.7): 1…200 characters, no NUL or control characters, no leading
        /// <c>$</c> (broker-reserved), no braces other than <c>{client_id}</c>; for a publish topic no wildcards
        /// (§4.7.1: <c>+</c> and <c>#</c> are for subscriptions only); for a filter <c>+</c> and <c>#</c> only as a
        /// whole level and <c>#</c> only last (§4.7.1.2, §4.7.1.3).
        /// </summary>
        /// <param name="template">The topic with <c>{client_id}</c> placeholders.</param>
        /// <param name="isFilter">True for the command subscription filter.</param>
        /// <returns>Null when allowed, otherwise what is wrong.</returns>
        public static string TopicProblem(string template, bool isFilter)
        {
            if (template == null || template.Length == 0)
            {
                return "must not be empty";
            }

            string topic = MqttConfig.ExpandTopic(template, "x");
            if (topic.Length > 200)
            {
                return "must be at most 200 characters";
            }

            char[] chars = topic.ToCharArray();
            if (chars[0] == '$')
            {
                return "must not start with '$' (topics starting with '$' are reserved by the broker, MQTT 3.1.1 §4.7.2)";
            }

            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c < 0x20 || c == 0x7F)
                {
                    return "must not contain control characters";
                }

                if (c == '{' || c == '}')
                {
                    return "the only placeholder allowed is {client_id}";
                }

                if (c == '+' || c == '#')
                {
                    if (!isFilter)
                    {
                        return "must not contain the wildcards '+' or '#' (a publish topic names one topic, MQTT 3.1.1 §4.7.1)";
                    }

                    bool levelStart = i == 0 || chars[i - 1] == '/';
                    bool levelEnd = i == chars.Length - 1 || chars[i + 1] == '/';
                    if (!levelStart || !levelEnd)
                    {
                        return "a wildcard '" + c + "' must be a whole topic level (MQTT 3.1.1 §4.7.1)";
                    }

                    if (c == '#' && i != chars.Length - 1)
                    {
                        return "'#' must be the last level (MQTT 3.1.1 §4.7.1.2)";
                    }
                }
            }

            return null;
        }

        /// <summary>True when <paramref name="text"/> contains a control character (U+0000…U+001F, U+007F).</summary>
        /// <param name="text">Any text.</param>
        /// <returns>True when a control character is present.</returns>
        public static bool HasControlCharacter(string text)
        {
            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] < 0x20 || chars[i] == 0x7F)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Number of UTF-8 bytes of <paramref name="text"/> (an SSID's limit is in bytes).</summary>
        /// <param name="text">Any text.</param>
        /// <returns>The UTF-8 length.</returns>
        public static int Utf8Length(string text)
        {
            char[] chars = text.ToCharArray();
            int n = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c < 0x80)
                {
                    n += 1;
                }
                else if (c < 0x800)
                {
                    n += 2;
                }
                else if (c >= 0xD800 && c <= 0xDBFF)
                {
                    n += 4;
                    i++;
                }
                else
                {
                    n += 3;
                }
            }

            return n;
        }

        /// <summary>Formats tenths with one decimal, e.g. <c>-5</c> → <c>-0.5</c>, <c>12</c> → <c>1.2</c> (exact, unlike
        /// <c>double.ToString</c> on the device).</summary>
        /// <param name="tenths">The value in tenths.</param>
        /// <returns>The formatted value.</returns>
        public static string FormatTenths(int tenths)
        {
            int magnitude = tenths < 0 ? -tenths : tenths;
            return (tenths < 0 ? "-" : string.Empty) + (magnitude / 10) + "." + (magnitude % 10);
        }
    }
}
