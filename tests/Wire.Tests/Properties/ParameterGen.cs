using System.Net;
using FsCheck;
using FsCheck.Fluent;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Parameters;
using static RSerPool.Wire.Tests.Properties.PrimitiveGen;

namespace RSerPool.Wire.Tests.Properties;

/// <summary>
/// FsCheck generators of valid ASAP/ENRP parameters (RFC 5354 §3, RFC 5356, docs/protocol-notes.md §5, §13).
/// </summary>
/// <remarks>
/// <see cref="WiresharkClean"/> only draws what Wireshark 4.0 dissects without complaint (docs/protocol-notes.md §5
/// and §14): named cause codes, with information where Wireshark needs it, handles of at most 32 bytes, and no policy
/// code without a wire layout. The four RSPLIB policy codes Wireshark cannot name stay in
/// (see <see cref="MessageGen.UsesPolicyUnknownToWireshark"/>).
/// </remarks>
public sealed class ParameterGen
{
    /// <summary>All 18 policy codes of docs/protocol-notes.md §13.</summary>
    public static readonly PolicyType[] AllPolicyTypes = Enum.GetValues<PolicyType>();

    private static readonly ErrorCauseCode[] RfcCauseCodes =
    [
        ErrorCauseCode.UnrecognizedParameter, ErrorCauseCode.UnrecognizedMessage, ErrorCauseCode.InvalidValues,
        ErrorCauseCode.NonUniquePeIdentifier, ErrorCauseCode.InconsistentPoolingPolicy, ErrorCauseCode.LackOfResources,
        ErrorCauseCode.InconsistentTransportType, ErrorCauseCode.InconsistentDataControlConfiguration,
        ErrorCauseCode.UnknownPoolHandle, ErrorCauseCode.RejectionDueToSecurityConsiderations,
    ];

    // A complete ASAP Handle Resolution and ENRP List Request: information for cause 0x0002.
    private static readonly byte[] AsapMessageBytes = [0x05, 0x00, 0x00, 0x10, 0x00, 0x09, 0x00, 0x0c, 0x45, 0x63, 0x68, 0x6f, 0x50, 0x6f, 0x6f, 0x6c];
    private static readonly byte[] EnrpMessageBytes = [0x05, 0x00, 0x00, 0x0c, 0x0a, 0x0b, 0x0c, 0x0d, 0x1f, 0x2e, 0x3d, 0x4c];

    // after the tables above: static fields initialise in order
    public static readonly ParameterGen Any = new(wiresharkClean: false);

    public static readonly ParameterGen WiresharkClean = new(wiresharkClean: true);

    private ParameterGen(bool wiresharkClean)
    {
        IsWiresharkClean = wiresharkClean;

        // 1-32 bytes (RSPLIB's limit); without Wireshark now and then up to 300
        Handle = (wiresharkClean
                ? ByteArray(1, PoolHandle.RsplibMaxLength)
                : Gen.Frequency((19, ByteArray(1, PoolHandle.RsplibMaxLength)), (1, ByteArray(1, 300))))
            .Select(bytes => new PoolHandle(bytes.AsSpan()));

        Address = Gen.OneOf(
            Bytes(4).Select(v4 => new IPAddress(v4)),
            Bytes(16).Select(v6 =>
            {
                v6[0] = (byte)(0x20 | (v6[0] & 0x0f)); // global unicast: never IPv4-mapped, never scoped
                return new IPAddress(v6);
            }));

        Gen<TransportUse> use = Gen.Elements(TransportUse.DataOnly, TransportUse.DataPlusControl);
        Gen<ValueArray<IPAddress>> oneAddress = Repeat(1, 1, Address);
        Transport = Gen.OneOf(
            Gen.Zip(Gen.Zip(UShort, use), Repeat(1, 4, Address), (p, a) => (TransportParameter)new SctpTransport(p.Item1, p.Item2, a)),
            Gen.Zip(Gen.Zip(UShort, use), oneAddress, (p, a) => (TransportParameter)new TcpTransport(p.Item1, p.Item2, a)),
            Gen.Zip(UShort, oneAddress, (port, a) => (TransportParameter)new UdpTransport(port, a)),
            Gen.Zip(UShort, oneAddress, (port, a) => (TransportParameter)new UdpLiteTransport(port, a)),
            Gen.Zip(Gen.Zip(UShort, UInt), oneAddress, (p, a) => (TransportParameter)new DccpTransport(p.Item1, p.Item2, a)));

        // the ASAP transport an ENRP server reports for a pool element or for itself (RFC 5353 §2.2)
        Gen<SctpTransport> sctpDataOnly = Gen.Zip(UShort, Repeat(1, 3, Address), (port, a) => new SctpTransport(port, TransportUse.DataOnly, a));
        Server = Gen.Zip(UInt, sctpDataOnly, (id, transport) => new ServerInformation(id, transport));

        Gen<PolicyType> type = Gen.Elements(wiresharkClean ? AllPolicyTypes.Where(PolicyLayout.IsKnown).ToArray() : AllPolicyTypes);
        if (!wiresharkClean)
        {
            // an unknown code is kept as opaque bytes (issue 2 / docs/protocol-notes.md §4)
            type = Gen.Frequency((19, type), (1, Gen.Choose(0, 0xFFFF).Select(code => (PolicyType)(0x7000_0000u | (uint)code))));
        }

        Policy = type.SelectMany(PolicyOf);

        AsapElement = ElementOf(Gen.Constant<SctpTransport?>(null));
        EnrpElement = ElementOf(sctpDataOnly.Select(t => (SctpTransport?)t));
        AsapError = ErrorOf(enrp: false);
        EnrpError = ErrorOf(enrp: true);
    }

    public bool IsWiresharkClean { get; }

    public Gen<PoolHandle> Handle { get; }

    public Gen<IPAddress> Address { get; }

    /// <summary>SCTP, TCP, UDP, UDP-Lite or DCCP, with any port and addresses.</summary>
    public Gen<TransportParameter> Transport { get; }

    public Gen<ServerInformation> Server { get; }

    public Gen<PoolMemberSelectionPolicy> Policy { get; }

    /// <summary>A pool element as a PE or a PU sees it: no ASAP transport.</summary>
    public Gen<PoolElement> AsapElement { get; }

    /// <summary>A pool element as ENRP servers exchange it: with the ASAP transport of its home server.</summary>
    public Gen<PoolElement> EnrpElement { get; }

    /// <summary>An Operation Error of 1-3 causes; cause 0x0002 carries an ASAP message.</summary>
    public Gen<OperationError> AsapError { get; }

    /// <summary>An Operation Error of 1-3 causes; cause 0x0002 carries an ENRP message.</summary>
    public Gen<OperationError> EnrpError { get; }

    public Gen<ValueArray<PoolElement>> Elements(int min, int max, bool enrp) => Repeat(min, max, enrp ? EnrpElement : AsapElement);

    private static Gen<PoolMemberSelectionPolicy> PolicyOf(PolicyType type)
    {
        if (PolicyLayout.TryGet(type, out ReadOnlySpan<PolicyValueKind> layout))
        {
            return Gen.ArrayOf(UInt, layout.Length).Select(values => new PoolMemberSelectionPolicy(type, ValueArray.Create<uint>(values)));
        }

        return Gen.Choose(0, 4).SelectMany(words => ByteArray(4 * words, 4 * words)).Select(bytes => PoolMemberSelectionPolicy.Opaque(type, bytes));
    }

    private Gen<PoolElement> ElementOf(Gen<SctpTransport?> asapTransport) =>
        from identifier in PeId
        from home in UInt
        from life in Int
        from user in Transport
        from policy in Policy
        from asap in asapTransport
        select new PoolElement(identifier, home, life, user, policy, asap);

    private Gen<OperationError> ErrorOf(bool enrp)
    {
        Gen<ErrorCause> rfcCause = Gen.Elements(RfcCauseCodes).SelectMany(code => code switch
        {
            ErrorCauseCode.UnrecognizedParameter or ErrorCauseCode.InvalidValues => PeIdentifierTlv.Select(tlv => new ErrorCause(code, tlv)),
            ErrorCauseCode.UnrecognizedMessage => Gen.Constant(new ErrorCause(code, ValueArray.Create<byte>(enrp ? EnrpMessageBytes : AsapMessageBytes))),
            ErrorCauseCode.InconsistentPoolingPolicy => PolicyTlv.Select(tlv => new ErrorCause(code, tlv)),
            ErrorCauseCode.InconsistentTransportType => UdpTransportTlv.Select(tlv => new ErrorCause(code, tlv)),
            _ => Gen.Constant(new ErrorCause(code)),
        });

        // any 16-bit code with any information is accepted (docs/protocol-notes.md §5)
        Gen<ErrorCause> anyCause = Gen.Zip(UShort, ByteArray(0, 24), (code, information) => new ErrorCause((ErrorCauseCode)code, information));
        Gen<ErrorCause> cause = IsWiresharkClean ? rfcCause : Gen.Frequency((3, rfcCause), (1, anyCause));
        return Repeat(1, 3, cause).Select(causes => new OperationError(causes));
    }

    // Cause information is raw bytes in the records; these build the TLVs by hand (RFC 5354 §3).
    private static Gen<ValueArray<byte>> PeIdentifierTlv => PeId.Select(id =>
        ValueArray.Create<byte>([0x00, 0x0e, 0x00, 0x08, (byte)(id >> 24), (byte)(id >> 16), (byte)(id >> 8), (byte)id]));

    private static Gen<ValueArray<byte>> PolicyTlv => UInt.Select(load =>
        ValueArray.Create<byte>([0x00, 0x08, 0x00, 0x0c, 0x40, 0x00, 0x00, 0x01, (byte)(load >> 24), (byte)(load >> 16), (byte)(load >> 8), (byte)load]));

    private static Gen<ValueArray<byte>> UdpTransportTlv => Gen.Zip(UShort, Bytes(4), (port, address) =>
        ValueArray.Create<byte>([0x00, 0x06, 0x00, 0x10, (byte)(port >> 8), (byte)port, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, .. address]));
}
