using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace TagoFirmware.Host.TagoTip
{
    /// <summary>
    /// Derives a profile's TagoTiP authorization hash from its Authorization token on the PC, so the token never goes
    /// on a device: SHA-256 of the token's UTF-8 without <c>at</c>, first 8 bytes as lowercase hex (TagoTiP 1.0 §2,
    /// https://github.com/tago-io/tagotip: <c>ate2bd319014b24e0a8aca9f00aea4c0d0</c> gives <c>4deedd7bab8817ec</c>).
    /// </summary>
    public static class TagoTipAuthHash
    {
        /// <summary>The 16-character lowercase hash of an <c>at</c> + 32 hex token, or null for any other text.</summary>
        public static string FromToken(string token)
            => token != null && token.Length == 34 && token.StartsWith("at", StringComparison.Ordinal) && token.Skip(2).All(Uri.IsHexDigit) ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token.Substring(2))), 0, 8).ToLowerInvariant() : null;

        /// <summary>A <c>TAGO_TIP_AUTH</c>-style value as a hash: a token hashed, a 16-hex hash lower-cased, else null.</summary>
        public static string FromTokenOrHash(string value)
            => FromToken(value) ?? (TagoFirmware.TagoTip.TagoTipCredentials.IsValidHash(value) ? value.ToLowerInvariant() : null);
    }
}
