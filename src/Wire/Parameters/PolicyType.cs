// Pool member selection policy codes (RFC 5356 and RSPLIB extensions, docs/protocol-notes.md §13).
namespace RSerPool.Wire.Parameters;

public enum PolicyType : uint
{
    RoundRobin = 0x00000001,
    WeightedRoundRobin = 0x00000002,
    Random = 0x00000003,
    WeightedRandom = 0x00000004,
    Priority = 0x00000005,
    LeastUsed = 0x40000001,
    LeastUsedWithDegradation = 0x40000002,
    PriorityLeastUsed = 0x40000003,
    RandomizedLeastUsed = 0x40000004,

    /// <summary>RSPLIB.</summary>
    RandomizedPriorityLeastUsed = 0xB0001001,

    /// <summary>RSPLIB.</summary>
    RandomizedLeastUsedWithDegradation = 0xB0001002,

    /// <summary>RSPLIB.</summary>
    PriorityLeastUsedWithDegradation = 0xB0001003,

    /// <summary>RSPLIB.</summary>
    RandomizedPriorityLeastUsedWithDegradation = 0xB0001004,

    /// <summary>RSPLIB, draft-dreibholz-rserpool-delay.</summary>
    WeightedRandomWithDpf = 0xB0002001,

    /// <summary>RSPLIB, draft-dreibholz-rserpool-delay.</summary>
    LeastUsedWithDpf = 0xB0002002,

    /// <summary>RSPLIB.</summary>
    LeastUsedWithDegradationAndDpf = 0xB0002003,

    /// <summary>RSPLIB header only: never on the wire in RSPLIB; no layout, kept as opaque bytes.</summary>
    PriorityLeastUsedWithDpf = 0xB0002004,

    /// <summary>RSPLIB header only: never on the wire in RSPLIB; no layout, kept as opaque bytes.</summary>
    PriorityLeastUsedWithDegradationAndDpf = 0xB0002005,
}
