using System;
using System.Security.Cryptography;
using System.Text;

namespace TagoFirmware.Host.TagoTip
{
    /// <summary>
    /// Derives a profile's TagoTiP authorization hash from its Authorization token on the PC, so the token never
    /// goes on a device: SHA-256 of the token's 32 hex characters without the <c>at</c> prefix (as UTF-8), first
    /// 8 bytes as 16 lowercase hex characters (TagoTiP 1.0 §2, https://github.com/tago-io/tagotip; its example:
    /// <c>ate2bd319014b24e0a8aca9f00aea4c0d0</c> gives <c>4deedd7bab8817ec</c>).
    /// </summary>
    public static class TagoTipAuthHash
    {
        /// <summary>True if <paramref name="token"/> looks like an Authorization token: <c>at</c> and 32 hex characters.</summary>
        /// <param name="token">The text to check.</param>
        /// <returns>Whether it can be hashed.</returns>
        public static bool IsToken(string token)
        {
            if (token == null || token.Length != 34 || !token.StartsWith("at", StringComparison.Ordinal))
            {
                return false;
            }

            for (int i = 2; i < token.Length; i++)
            {
                if (!Uri.IsHexDigit(token[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Derives the hash.</summary>
        /// <param name="token">An Authorization token, <c>at</c> + 32 hex characters.</param>
        /// <returns>The 16-character lowercase hash.</returns>
        /// <exception cref="ArgumentException">The token does not have that shape (its text is not repeated: it is a secret).</exception>
        public static string FromToken(string token)
        {
            if (!IsToken(token))
            {
                throw new ArgumentException("an Authorization token is \"at\" followed by 32 hexadecimal characters", nameof(token));
            }

            byte[] digest = SHA256.HashData(Encoding.UTF8.GetBytes(token.Substring(2)));
            return Convert.ToHexString(digest, 0, 8).ToLowerInvariant();
        }

        /// <summary>
        /// Reads a <c>TAGO_TIP_AUTH</c>-style value: an <c>at…</c> token is hashed, a 16-hex hash is lower-cased.
        /// </summary>
        /// <param name="value">A token or a hash.</param>
        /// <returns>The hash, or null when the value is neither.</returns>
        public static string FromTokenOrHash(string value)
        {
            if (IsToken(value))
            {
                return FromToken(value);
            }

            return TagoFirmware.TagoTip.TagoTipCredentials.IsValidHash(value) ? value.ToLowerInvariant() : null;
        }
    }
}
