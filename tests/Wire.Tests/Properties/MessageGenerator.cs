using System.Net;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Tests.Properties;

/// <summary>
/// Seeded generator of random, valid ASAP and ENRP message records of every type (RFC 5352 §2, RFC 5353 §2,
/// RFC 5354 §3, docs/protocol-notes.md §5, §13).
/// </summary>
/// <remarks>
/// With <see cref="WiresharkClean"/> set it only draws what Wireshark 4.0 dissects without complaint
/// (docs/protocol-notes.md §5 and §14): named cause codes, with information where Wireshark needs it, and no policy
/// code that RSPLIB itself cannot put on the wire. The four RSPLIB policy codes Wireshark cannot name stay
/// in (see <see cref="UsesPolicyUnknownToWireshark"/>).
/// </remarks>
public sealed class MessageGenerator
{
    /// <summary>All 18 policy codes of docs/protocol-notes.md §13.</summary>
    public static readonly PolicyType[] AllPolicyTypes = Enum.GetValues<PolicyType>();

    /// <summary>The RSPLIB codes Wireshark 4.0 shows as "Unknown" (docs/protocol-notes.md §14).</summary>
    public static readonly PolicyType[] PolicyTypesUnknownToWireshark =
    [
        PolicyType.RandomizedPriorityLeastUsed, PolicyType.RandomizedLeastUsedWithDegradation,
        PolicyType.RandomizedPriorityLeastUsedWithDegradation, PolicyType.LeastUsedWithDegradationAndDpf,
    ];

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

    private readonly Random _random;

    public MessageGenerator(int seed, bool wiresharkClean = false)
    {
        Seed = seed;
        WiresharkClean = wiresharkClean;
        _random = new Random(seed);
    }

    public int Seed { get; }

    public bool WiresharkClean { get; }

    public static readonly AsapMessageType[] AsapTypes = Enum.GetValues<AsapMessageType>();

    public static readonly EnrpMessageType[] EnrpTypes = Enum.GetValues<EnrpMessageType>();

    public AsapMessage NextAsap() => NextAsap(AsapTypes[_random.Next(AsapTypes.Length)]);

    public EnrpMessage NextEnrp() => NextEnrp(EnrpTypes[_random.Next(EnrpTypes.Length)]);

    public AsapMessage NextAsap(AsapMessageType type) => type switch
    {
        AsapMessageType.Registration => new AsapRegistration(Handle(), Element(enrp: false)),
        AsapMessageType.Deregistration => new AsapDeregistration(Handle(), PeId()),
        AsapMessageType.RegistrationResponse => Bool()
            ? new AsapRegistrationResponse(Handle(), PeId(), Rejected: true, Error: Error(enrp: false))
            : new AsapRegistrationResponse(Handle(), PeId(), Rejected: false, Error: Maybe(() => Error(enrp: false))),
        AsapMessageType.DeregistrationResponse => new AsapDeregistrationResponse(Handle(), PeId(), Maybe(() => Error(enrp: false))),
        AsapMessageType.HandleResolution => new AsapHandleResolution(Handle(), MaybeValue(() => Bool() ? AsapHandleResolution.AsManyAsPossible : UInt())),
        AsapMessageType.HandleResolutionResponse => Bool()
            ? AsapHandleResolutionResponse.Failure(Handle(), Error(enrp: false))
            : new AsapHandleResolutionResponse(Handle(), Policy(), Elements(0, 4, enrp: false), Maybe(() => Error(enrp: false))),
        AsapMessageType.EndpointKeepAlive => new AsapEndpointKeepAlive(UInt(), Handle(), MaybeValue(PeId), Bool()),
        AsapMessageType.EndpointKeepAliveAck => new AsapEndpointKeepAliveAck(Handle(), PeId()),
        AsapMessageType.EndpointUnreachable => new AsapEndpointUnreachable(Handle(), PeId()),
        AsapMessageType.ServerAnnounce => new AsapServerAnnounce(UInt(), ValueArray.Create(Repeat(0, 3, Transport))),
        AsapMessageType.Cookie => new AsapCookie(Bytes(1, 64)),
        AsapMessageType.CookieEcho => new AsapCookieEcho(Bytes(1, 64)),
        AsapMessageType.BusinessCard => new AsapBusinessCard(Handle(), Elements(1, 3, enrp: false), Maybe(Policy)),
        AsapMessageType.Error => new AsapError(Error(enrp: false)),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an ASAP message type"),
    };

    public EnrpMessage NextEnrp(EnrpMessageType type) => type switch
    {
        EnrpMessageType.Presence => new EnrpPresence(UInt(), UInt(), WiresharkClean ? UShort() : MaybeValue(UShort), Maybe(Server), Bool()),
        EnrpMessageType.HandleTableRequest => new EnrpHandleTableRequest(UInt(), UInt(), Bool()),
        EnrpMessageType.HandleTableResponse => new EnrpHandleTableResponse(
            UInt(), UInt(), ValueArray.Create(Repeat(0, 3, () => new HandleTableEntry(Handle(), Elements(1, 3, enrp: true)))), Bool(), Bool()),
        EnrpMessageType.HandleUpdate => new EnrpHandleUpdate(
            UInt(), UInt(), Bool() ? HandleUpdateAction.AddPoolElement : HandleUpdateAction.DeletePoolElement, Handle(), Element(enrp: true), Bool()),
        EnrpMessageType.ListRequest => new EnrpListRequest(UInt(), UInt()),
        EnrpMessageType.ListResponse => new EnrpListResponse(UInt(), UInt(), ValueArray.Create(Repeat(0, 3, Server)), Bool()),
        EnrpMessageType.InitTakeover => new EnrpInitTakeover(UInt(), UInt(), UInt()),
        EnrpMessageType.InitTakeoverAck => new EnrpInitTakeoverAck(UInt(), UInt(), UInt()),
        EnrpMessageType.TakeoverServer => new EnrpTakeoverServer(UInt(), UInt(), UInt()),
        EnrpMessageType.Error => new EnrpError(UInt(), UInt(), Error(enrp: true)),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an ENRP message type"),
    };

    /// <summary>True when <paramref name="message"/> holds a policy code Wireshark 4.0 shows as unknown.</summary>
    public static bool UsesPolicyUnknownToWireshark(object message) => message switch
    {
        AsapRegistration m => Unknown(m.PoolElement.Policy),
        AsapHandleResolutionResponse m => Unknown(m.Policy) || m.PoolElements.Any(e => Unknown(e.Policy)),
        AsapBusinessCard m => Unknown(m.Policy) || m.PoolElements.Any(e => Unknown(e.Policy)),
        EnrpHandleUpdate m => Unknown(m.PoolElement.Policy),
        EnrpHandleTableResponse m => m.Entries.Any(entry => entry.PoolElements.Any(e => Unknown(e.Policy))),
        _ => false, // cause 0x0005 information always carries Least Used here
    };

    private static bool Unknown(PoolMemberSelectionPolicy? policy) =>
        policy is not null && Array.IndexOf(PolicyTypesUnknownToWireshark, policy.Type) >= 0;

    // ---- parameters -------------------------------------------------------------------------------

    /// <summary>1-32 bytes (RSPLIB's limit); without <see cref="WiresharkClean"/> now and then up to 300.</summary>
    public PoolHandle Handle() =>
        new(Bytes(1, !WiresharkClean && _random.Next(20) == 0 ? 300 : PoolHandle.RsplibMaxLength).AsSpan());

    public PoolElement Element(bool enrp) => new(
        PeId(),
        UInt(),
        _random.Next(int.MinValue, int.MaxValue),
        Transport(),
        Policy(),
        enrp ? new SctpTransport(UShort(), TransportUse.DataOnly, Addresses(1, 3)) : null);

    public ValueArray<PoolElement> Elements(int min, int max, bool enrp) =>
        ValueArray.Create(Repeat(min, max, () => Element(enrp)));

    public TransportParameter Transport() => _random.Next(5) switch
    {
        0 => new SctpTransport(UShort(), Use(), Addresses(1, 4)),
        1 => new TcpTransport(UShort(), Use(), Addresses(1, 1)),
        2 => new UdpTransport(UShort(), Addresses(1, 1)),
        3 => new UdpLiteTransport(UShort(), Addresses(1, 1)),
        _ => new DccpTransport(UShort(), UInt(), Addresses(1, 1)),
    };

    public ServerInformation Server() => new(UInt(), new SctpTransport(UShort(), TransportUse.DataOnly, Addresses(1, 3)));

    public PoolMemberSelectionPolicy Policy()
    {
        PolicyType type;
        do
        {
            type = AllPolicyTypes[_random.Next(AllPolicyTypes.Length)];
        }
        while (WiresharkClean && !PolicyLayout.IsKnown(type));

        if (!WiresharkClean && _random.Next(20) == 0)
        {
            // an unknown code is kept as opaque bytes (issue 2 / docs/protocol-notes.md §4)
            type = (PolicyType)(0x7000_0000u | (uint)_random.Next(0x10000));
        }

        if (PolicyLayout.TryGet(type, out ReadOnlySpan<PolicyValueKind> layout))
        {
            uint[] values = new uint[layout.Length];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = UInt();
            }

            return new PoolMemberSelectionPolicy(type, ValueArray.Create<uint>(values));
        }

        int words = _random.Next(0, 5);
        return PoolMemberSelectionPolicy.Opaque(type, Bytes(4 * words, 4 * words));
    }

    public OperationError Error(bool enrp) => new(ValueArray.Create(Repeat(1, 3, () => Cause(enrp))));

    public ErrorCause Cause(bool enrp)
    {
        if (!WiresharkClean && _random.Next(4) == 0)
        {
            // any 16-bit code with any information is accepted (docs/protocol-notes.md §5)
            return new ErrorCause((ErrorCauseCode)UShort(), Bytes(0, 24));
        }

        ErrorCauseCode code = RfcCauseCodes[_random.Next(RfcCauseCodes.Length)];
        return code switch
        {
            ErrorCauseCode.UnrecognizedParameter or ErrorCauseCode.InvalidValues => new ErrorCause(code, PeIdentifierTlv()),
            ErrorCauseCode.UnrecognizedMessage => new ErrorCause(code, ValueArray.Create<byte>(enrp ? EnrpMessageBytes : AsapMessageBytes)),
            ErrorCauseCode.InconsistentPoolingPolicy => new ErrorCause(code, PolicyTlv()),
            ErrorCauseCode.InconsistentTransportType => new ErrorCause(code, UdpTransportTlv()),
            _ => new ErrorCause(code),
        };
    }

    // Cause information is raw bytes in the records; these build the TLVs by hand (RFC 5354 §3).
    private ValueArray<byte> PeIdentifierTlv()
    {
        uint id = PeId();
        return ValueArray.Create<byte>([0x00, 0x0e, 0x00, 0x08, (byte)(id >> 24), (byte)(id >> 16), (byte)(id >> 8), (byte)id]);
    }

    private ValueArray<byte> PolicyTlv()
    {
        uint load = UInt();
        return ValueArray.Create<byte>([0x00, 0x08, 0x00, 0x0c, 0x40, 0x00, 0x00, 0x01, (byte)(load >> 24), (byte)(load >> 16), (byte)(load >> 8), (byte)load]);
    }

    private ValueArray<byte> UdpTransportTlv()
    {
        ushort port = UShort();
        byte[] address = new byte[4];
        _random.NextBytes(address);
        return ValueArray.Create<byte>(
            [0x00, 0x06, 0x00, 0x10, (byte)(port >> 8), (byte)port, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, .. address]);
    }

    public ValueArray<IPAddress> Addresses(int min, int max) => ValueArray.Create(Repeat(min, max, Address));

    public IPAddress Address()
    {
        if (Bool())
        {
            byte[] v4 = new byte[4];
            _random.NextBytes(v4);
            return new IPAddress(v4);
        }

        byte[] v6 = new byte[16];
        _random.NextBytes(v6);
        v6[0] = (byte)(0x20 | (v6[0] & 0x0f)); // global unicast: never IPv4-mapped, never scoped
        return new IPAddress(v6);
    }

    private TransportUse Use() => Bool() ? TransportUse.DataOnly : TransportUse.DataPlusControl;

    // ---- primitives -------------------------------------------------------------------------------

    public bool Bool() => _random.Next(2) == 0;

    public uint UInt() => (uint)_random.NextInt64(0, 1L << 32);

    public uint PeId() => (uint)_random.NextInt64(1, 1L << 32);

    public ushort UShort() => (ushort)_random.Next(0x10000);

    public ValueArray<byte> Bytes(int min, int max)
    {
        byte[] bytes = new byte[_random.Next(min, max + 1)];
        _random.NextBytes(bytes);
        return ValueArray.Create<byte>(bytes);
    }

    public T? Maybe<T>(Func<T> make)
        where T : class => Bool() ? make() : null;

    public T? MaybeValue<T>(Func<T> make)
        where T : struct => Bool() ? make() : null;

    private List<T> Repeat<T>(int min, int max, Func<T> make)
    {
        int count = _random.Next(min, max + 1);
        var items = new List<T>(count);
        for (int i = 0; i < count; i++)
        {
            items.Add(make());
        }

        return items;
    }
}
