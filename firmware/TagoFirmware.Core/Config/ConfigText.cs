namespace TagoFirmware.Config
{
    /// <summary>Text checks and formatting of the config; they run once per config read, never per reading.</summary>
    public static class ConfigText
    {
        private const string PemBegin = "-----BEGIN CERTIFICATE-----";
        private const string PemEnd = "-----END CERTIFICATE-----";
        private const string HexLetters = "abcdefABCDEF";

        /// <summary>True when <paramref name="value"/> holds a PEM certificate header rather than a file name.</summary>
        public static bool IsPem(string value) => value != null && value.IndexOf(PemBegin) >= 0;

        /// <summary>Checks PEM text: BEGIN/END CERTIFICATE pairs (RFC 7468 §2) with only base64 and whitespace between.</summary>
        public static string PemProblem(string pem)
        {
            int count = 0;
            for (int begin = pem.IndexOf(PemBegin); begin >= 0; begin = pem.IndexOf(PemBegin), count++)
            {
                int end = pem.IndexOf(PemEnd, begin);
                string body = end < 0 ? string.Empty : pem.Substring(begin + PemBegin.Length, end - begin - PemBegin.Length);
                string problem = end < 0 ? " has no \"" + PemEnd + "\" line"
                    : !Only(body, "+/=\n\r \t", true) ? " has a character that is not base64"
                    : body.Length - Count(body, "\n\r \t") < 64 ? " is too short"
                    : null;
                if (problem != null)
                {
                    return "PEM certificate " + (count + 1) + problem;
                }

                pem = pem.Substring(end + PemEnd.Length);
            }

            return count == 0 ? "holds no " + PemBegin + " block" : null;
        }

        /// <summary>Loose shape check of a TagoIO device token, a UUID (the TagoIO device guide checks <c>^[a-f0-9-]{36}$</c>): 32 hex digits of either case, hyphens anywhere.</summary>
        public static bool IsPlausibleToken(string token) => token != null && token.Length - Count(token, "-") == 32 && Only(token, HexLetters + "-", false);

        /// <summary>True when the token is the all-zeros placeholder of the example file.</summary>
        public static bool IsPlaceholderToken(string token) => token != null && token.Length > 0 && Only(token, "-", false) && Count(token, "123456789") == 0;

        /// <summary>Checks a topic template (MQTT 3.1.1 §4.7): 1-200 printable characters, no leading <c>$</c>, no braces but <c>{client_id}</c>, wildcards only as whole levels of a filter, <c>#</c> last.</summary>
        public static string TopicProblem(string template, bool isFilter)
        {
            string topic = NodeConfig.ExpandTopic(template, "x");
            if (!IsPrintable(topic, 200))
            {
                return "must be 1-200 printable characters";
            }

            char[] chars = topic.ToCharArray();
            char[] special = new char[] { '{', '}', '+', '#' };
            string problem = chars[0] == '$' ? "must not start with '$' (reserved)" : null;
            for (int i = topic.IndexOfAny(special); i >= 0 && problem == null; i = topic.IndexOfAny(special, i + 1))
            {
                char c = chars[i];
                problem = c == '{' || c == '}' ? "the only placeholder allowed is {client_id}"
                    : !isFilter ? "must not contain the wildcards '+' or '#'"
                    : (i > 0 && chars[i - 1] != '/') || (i < chars.Length - 1 && chars[i + 1] != '/') ? "a wildcard '" + c + "' must be a whole topic level"
                    : c == '#' && i < chars.Length - 1 ? "'#' must be the last level"
                    : null;
            }

            return problem;
        }

        /// <summary>Formats tenths with one decimal, e.g. <c>-5</c> → <c>-0.5</c> (exact, unlike <c>double.ToString</c> on the device).</summary>
        public static string FormatTenths(int tenths)
        {
            int magnitude = tenths < 0 ? -tenths : tenths;
            return (tenths < 0 ? "-" : string.Empty) + (magnitude / 10) + "." + (magnitude % 10);
        }

        internal static bool IsHex(string text) => Only(text, HexLetters, false);

        /// <summary>True when every character of <paramref name="text"/> is a digit, a letter (<paramref name="letters"/>) or one of <paramref name="extra"/>.</summary>
        internal static bool Only(string text, string extra, bool letters)
        {
            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (!((c >= '0' && c <= '9') || (letters && (c | 0x20) >= 'a' && (c | 0x20) <= 'z') || extra.IndexOf(c) >= 0))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when <paramref name="text"/> has 1 to <paramref name="max"/> characters, none a control character.</summary>
        internal static bool IsPrintable(string text, int max)
        {
            if (text == null || text.Length == 0 || text.Length > max)
            {
                return false;
            }

            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] < 0x20 || chars[i] == 0x7F)
                {
                    return false;
                }
            }

            return true;
        }

        private static int Count(string text, string set)
        {
            char[] chars = text.ToCharArray();
            int n = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                n += set.IndexOf(chars[i]) >= 0 ? 1 : 0;
            }

            return n;
        }
    }
}
