// Error cause codes (RFC 5354 §3.12, docs/protocol-notes.md §5), plus the RSPLIB implementation codes seen on the wire.
namespace RSerPool.Wire.Errors;

/// <summary>Cause Code of an error cause. Any 16-bit value may appear on the wire; the named ones are documented.</summary>
public enum ErrorCauseCode : ushort
{
    UnrecognizedParameter = 0x0001,
    UnrecognizedMessage = 0x0002,
    InvalidValues = 0x0003,
    NonUniquePeIdentifier = 0x0004,
    InconsistentPoolingPolicy = 0x0005,
    LackOfResources = 0x0006,
    InconsistentTransportType = 0x0007,
    InconsistentDataControlConfiguration = 0x0008,
    UnknownPoolHandle = 0x0009,
    RejectionDueToSecurityConsiderations = 0x000A,

    /// <summary>RSPLIB internal: invalid message.</summary>
    RsplibInvalidMessage = 0x0010,

    /// <summary>RSPLIB internal: invalid value (info = the offending TLV).</summary>
    RsplibInvalidValue = 0x0011,

    /// <summary>RSPLIB internal: buffer size exceeded.</summary>
    RsplibBufferSizeExceeded = 0x1001,

    /// <summary>RSPLIB internal: wrong protocol (transport type differs from the pool's).</summary>
    RsplibWrongProtocol = 0x100A,

    /// <summary>RSPLIB internal: unsupported pool policy.</summary>
    RsplibUnsupportedPoolPolicy = 0x100B,

    /// <summary>RSPLIB internal: invalid ID (e.g. PE Identifier 0).</summary>
    RsplibInvalidId = 0xF000,

    /// <summary>RSPLIB internal: own ID.</summary>
    RsplibOwnId = 0xF001,

    /// <summary>RSPLIB internal: duplicate ID.</summary>
    RsplibDuplicateId = 0xF002,

    /// <summary>RSPLIB internal: invalid pool policy.</summary>
    RsplibInvalidPoolPolicy = 0xF003,

    /// <summary>RSPLIB internal: invalid pool handle.</summary>
    RsplibInvalidPoolHandle = 0xF004,

    /// <summary>RSPLIB internal: invalid addresses.</summary>
    RsplibInvalidAddresses = 0xF005,

    /// <summary>RSPLIB internal: invalid registrator (ASAP transport).</summary>
    RsplibInvalidRegistrator = 0xF006,

    /// <summary>RSPLIB internal: no usable ASAP addresses.</summary>
    RsplibNoUsableAsapAddresses = 0xF007,

    /// <summary>RSPLIB internal: no usable user addresses.</summary>
    RsplibNoUsableUserAddresses = 0xF008,
}
