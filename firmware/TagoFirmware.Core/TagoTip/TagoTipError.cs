namespace TagoFirmware.TagoTip
{
    /// <summary>The <c>ERR</c> codes of TagoTiP 1.0 §9.2 plus the two close reasons of TagoIO's rate-limit page (docs/tagotip/servers/rate-limits.md, https://github.com/tago-io/docs).</summary>
    public enum TagoTipError
    {
        /// <summary>Not an <c>ERR</c>.</summary>
        None = 0,
        /// <summary>A code this firmware does not know: retried later.</summary>
        Unknown = 1,
        /// <summary><c>invalid_token</c>: the authorization hash is missing, expired or wrong.</summary>
        InvalidToken = 2,
        /// <summary><c>device_not_found</c>: the serial is not a device of the hash's profile.</summary>
        DeviceNotFound = 3,
        /// <summary><c>rate_limited</c>.</summary>
        RateLimited = 4,
        /// <summary><c>invalid_payload</c>: any parse or limit error; the whole frame is refused.</summary>
        InvalidPayload = 5,
        /// <summary><c>payload_too_large</c>: over 16,384 bytes.</summary>
        PayloadTooLarge = 6,
        /// <summary><c>server_error</c>.</summary>
        ServerError = 7,
        /// <summary><c>invalid_seq</c>: <c>!N</c> not above the last one the server accepted.</summary>
        InvalidSeq = 8,
        /// <summary><c>ttl_expired</c>: the connection reached its lifetime.</summary>
        TtlExpired = 9,
        /// <summary><c>keep_alive_timeout</c>: the connection was idle too long.</summary>
        KeepAliveTimeout = 10,
    }
}
