// Transport Use field of SCTP and TCP transports (RFC 5354 §3.4/§3.5, docs/protocol-notes.md §4).
namespace RSerPool.Wire.Parameters;

public enum TransportUse : ushort
{
    /// <summary>0x0000: application data only.</summary>
    DataOnly = 0x0000,

    /// <summary>0x0001: the PE accepts ASAP control-channel messages on its user transport.</summary>
    DataPlusControl = 0x0001,
}
