// Why a decode failed. Each value maps to the answer an actor should send: see DecodeError.ResponseCause.
namespace RSerPool.Wire.Errors;

public enum DecodeStatus
{
    /// <summary>Decoded without error.</summary>
    Success = 0,

    /// <summary>Fewer than the 4 bytes of the common header (RFC 5354 §4).</summary>
    MessageTooShort,

    /// <summary>Message Length field below the header size of the message type (4, or more with fixed fields).</summary>
    InvalidMessageLength,

    /// <summary>The input ends before Message Length rounded up to 4 (docs/protocol-notes.md §3).</summary>
    TruncatedMessage,

    /// <summary>Bytes follow Message Length rounded up to 4 (docs/protocol-notes.md §3: RSPLIB fails such messages).</summary>
    TrailingBytes,

    /// <summary>The message is longer than <see cref="WireLimits.MaxMessageLength"/>.</summary>
    MessageTooLong,

    /// <summary>Unknown message type (answer with cause 0x0002 carrying the whole message).</summary>
    UnrecognizedMessageType,

    /// <summary>A parameter or error cause header claims a length below 4 (RFC 5354 §3).</summary>
    ParameterTooShort,

    /// <summary>A parameter, its padding, or its header runs past the end of the enclosing message or parameter.</summary>
    ParameterOverrun,

    /// <summary>A parameter of fixed size has another length (IPv4 8, IPv6 20, PE Identifier 8, PE Checksum 6,
    /// Handle Resolution Option 8), or a variable one is too short for its fixed fields, or empty where bytes are required.</summary>
    InvalidParameterLength,

    /// <summary>A Pool Member Selection Policy whose value part is shorter than its layout (docs/protocol-notes.md §13).</summary>
    PolicyTooShort,

    /// <summary>A required parameter is absent (e.g. a Registration without PE, a transport without address).</summary>
    MissingParameter,

    /// <summary>A parameter with action bits 00 that is unknown or not allowed at its position: discard silently (RFC 5354 §3).</summary>
    UnrecognizedParameter,

    /// <summary>A parameter with action bits 01 that is unknown or not allowed at its position:
    /// discard and report it with cause 0x0001 (RFC 5354 §3).</summary>
    UnrecognizedParameterReported,

    /// <summary>More parameters than <see cref="WireLimits.MaxParametersPerMessage"/>.</summary>
    TooManyParameters,

    /// <summary>Parameters nested deeper than <see cref="WireLimits.MaxNestingDepth"/>.</summary>
    NestingTooDeep,

    /// <summary>A transport with more addresses than <see cref="WireLimits.MaxAddressesPerTransport"/>.</summary>
    TooManyAddresses,
}
