using FsCheck;
using FsCheck.Fluent;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using static RSerPool.Wire.Tests.Properties.PrimitiveGen;

namespace RSerPool.Wire.Tests.Properties;

/// <summary>
/// FsCheck generators of valid ASAP (RFC 5352 §2) and ENRP (RFC 5353 §2) message records of every type, built from
/// <see cref="ParameterGen"/>.
/// </summary>
public sealed class MessageGen
{
    public static readonly AsapMessageType[] AsapTypes = Enum.GetValues<AsapMessageType>();

    public static readonly EnrpMessageType[] EnrpTypes = Enum.GetValues<EnrpMessageType>();

    /// <summary>The RSPLIB codes Wireshark 4.0 shows as "Unknown" (docs/protocol-notes.md §14).</summary>
    public static readonly PolicyType[] PolicyTypesUnknownToWireshark =
    [
        PolicyType.RandomizedPriorityLeastUsed, PolicyType.RandomizedLeastUsedWithDegradation,
        PolicyType.RandomizedPriorityLeastUsedWithDegradation, PolicyType.LeastUsedWithDegradationAndDpf,
    ];

    // after the tables above: static fields initialise in order
    public static readonly MessageGen Any = new(ParameterGen.Any);

    /// <summary>Only what Wireshark 4.0 dissects without complaint (see <see cref="ParameterGen"/>).</summary>
    public static readonly MessageGen WiresharkClean = new(ParameterGen.WiresharkClean);

    private readonly Dictionary<AsapMessageType, Gen<AsapMessage>> _asap;
    private readonly Dictionary<EnrpMessageType, Gen<EnrpMessage>> _enrp;

    private MessageGen(ParameterGen parameters)
    {
        Parameters = parameters;
        _asap = AsapTypes.ToDictionary(type => type, AsapOf);
        _enrp = EnrpTypes.ToDictionary(type => type, EnrpOf);
        AnyAsap = Gen.OneOf(AsapTypes.Select(Asap));
        AnyEnrp = Gen.OneOf(EnrpTypes.Select(Enrp));
        AnyMessage = Gen.OneOf(AnyAsap.Select(m => (object)m), AnyEnrp.Select(m => (object)m));
    }

    public ParameterGen Parameters { get; }

    /// <summary>An ASAP message of a type drawn uniformly.</summary>
    public Gen<AsapMessage> AnyAsap { get; }

    /// <summary>An ENRP message of a type drawn uniformly.</summary>
    public Gen<EnrpMessage> AnyEnrp { get; }

    /// <summary>ASAP or ENRP, even odds.</summary>
    public Gen<object> AnyMessage { get; }

    public Gen<AsapMessage> Asap(AsapMessageType type) => _asap[type];

    public Gen<EnrpMessage> Enrp(EnrpMessageType type) => _enrp[type];

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

    private Gen<AsapMessage> AsapOf(AsapMessageType type)
    {
        ParameterGen p = Parameters;
        Gen<OperationError?> maybeError = Maybe(p.AsapError);
        return type switch
        {
            AsapMessageType.Registration =>
                Gen.Zip(p.Handle, p.AsapElement, (handle, element) => (AsapMessage)new AsapRegistration(handle, element)),
            AsapMessageType.Deregistration =>
                Gen.Zip(p.Handle, PeId, (handle, id) => (AsapMessage)new AsapDeregistration(handle, id)),
            AsapMessageType.RegistrationResponse => Gen.OneOf(
                from handle in p.Handle
                from id in PeId
                from error in p.AsapError
                select (AsapMessage)new AsapRegistrationResponse(handle, id, Rejected: true, Error: error),
                from handle in p.Handle
                from id in PeId
                from error in maybeError
                select (AsapMessage)new AsapRegistrationResponse(handle, id, Rejected: false, Error: error)),
            AsapMessageType.DeregistrationResponse =>
                from handle in p.Handle
                from id in PeId
                from error in maybeError
                select (AsapMessage)new AsapDeregistrationResponse(handle, id, error),
            AsapMessageType.HandleResolution =>
                Gen.Zip(p.Handle, MaybeValue(Gen.OneOf(Gen.Constant(AsapHandleResolution.AsManyAsPossible), UInt)), (handle, count) =>
                    (AsapMessage)new AsapHandleResolution(handle, count)),
            AsapMessageType.HandleResolutionResponse => Gen.OneOf(
                Gen.Zip(p.Handle, p.AsapError, (handle, error) => (AsapMessage)AsapHandleResolutionResponse.Failure(handle, error)),
                from handle in p.Handle
                from policy in p.Policy
                from elements in p.Elements(0, 4, enrp: false)
                from error in maybeError
                select (AsapMessage)new AsapHandleResolutionResponse(handle, policy, elements, error)),
            AsapMessageType.EndpointKeepAlive =>
                from serverId in UInt
                from handle in p.Handle
                from id in MaybeValue(PeId)
                from home in Bool
                select (AsapMessage)new AsapEndpointKeepAlive(serverId, handle, id, home),
            AsapMessageType.EndpointKeepAliveAck =>
                Gen.Zip(p.Handle, PeId, (handle, id) => (AsapMessage)new AsapEndpointKeepAliveAck(handle, id)),
            AsapMessageType.EndpointUnreachable =>
                Gen.Zip(p.Handle, PeId, (handle, id) => (AsapMessage)new AsapEndpointUnreachable(handle, id)),
            AsapMessageType.ServerAnnounce =>
                Gen.Zip(UInt, Repeat(0, 3, p.Transport), (serverId, transports) => (AsapMessage)new AsapServerAnnounce(serverId, transports)),
            AsapMessageType.Cookie => ByteArray(1, 64).Select(cookie => (AsapMessage)new AsapCookie(cookie)),
            AsapMessageType.CookieEcho => ByteArray(1, 64).Select(cookie => (AsapMessage)new AsapCookieEcho(cookie)),
            AsapMessageType.BusinessCard =>
                from handle in p.Handle
                from elements in p.Elements(1, 3, enrp: false)
                from policy in Maybe(p.Policy)
                select (AsapMessage)new AsapBusinessCard(handle, elements, policy),
            AsapMessageType.Error => p.AsapError.Select(error => (AsapMessage)new AsapError(error)),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an ASAP message type"),
        };
    }

    private Gen<EnrpMessage> EnrpOf(EnrpMessageType type)
    {
        ParameterGen p = Parameters;
        Gen<(uint Sender, uint Receiver)> ids = Gen.Zip(UInt, UInt, (sender, receiver) => (sender, receiver));
        Gen<(uint Sender, uint Receiver, uint Target)> takeover = Gen.Zip(ids, UInt, (pair, target) => (pair.Sender, pair.Receiver, target));
        Gen<HandleTableEntry> entry = Gen.Zip(p.Handle, p.Elements(1, 3, enrp: true), (handle, elements) => new HandleTableEntry(handle, elements));
        return type switch
        {
            EnrpMessageType.Presence =>
                from pair in ids
                from checksum in p.IsWiresharkClean ? UShort.Select(c => (ushort?)c) : MaybeValue(UShort)
                from server in Maybe(p.Server)
                from replyRequired in Bool
                select (EnrpMessage)new EnrpPresence(pair.Sender, pair.Receiver, checksum, server, replyRequired),
            EnrpMessageType.HandleTableRequest =>
                Gen.Zip(ids, Bool, (pair, own) => (EnrpMessage)new EnrpHandleTableRequest(pair.Sender, pair.Receiver, own)),
            EnrpMessageType.HandleTableResponse =>
                from pair in ids
                from entries in Repeat(0, 3, entry)
                from rejected in Bool
                from moreToSend in Bool
                select (EnrpMessage)new EnrpHandleTableResponse(pair.Sender, pair.Receiver, entries, rejected, moreToSend),
            EnrpMessageType.HandleUpdate =>
                from pair in ids
                from action in Gen.Elements(HandleUpdateAction.AddPoolElement, HandleUpdateAction.DeletePoolElement)
                from handle in p.Handle
                from element in p.EnrpElement
                from takeoverSuggested in Bool
                select (EnrpMessage)new EnrpHandleUpdate(pair.Sender, pair.Receiver, action, handle, element, takeoverSuggested),
            EnrpMessageType.ListRequest => ids.Select(pair => (EnrpMessage)new EnrpListRequest(pair.Sender, pair.Receiver)),
            EnrpMessageType.ListResponse =>
                from pair in ids
                from servers in Repeat(0, 3, p.Server)
                from rejected in Bool
                select (EnrpMessage)new EnrpListResponse(pair.Sender, pair.Receiver, servers, rejected),
            EnrpMessageType.InitTakeover => takeover.Select(t => (EnrpMessage)new EnrpInitTakeover(t.Sender, t.Receiver, t.Target)),
            EnrpMessageType.InitTakeoverAck => takeover.Select(t => (EnrpMessage)new EnrpInitTakeoverAck(t.Sender, t.Receiver, t.Target)),
            EnrpMessageType.TakeoverServer => takeover.Select(t => (EnrpMessage)new EnrpTakeoverServer(t.Sender, t.Receiver, t.Target)),
            EnrpMessageType.Error => Gen.Zip(ids, p.EnrpError, (pair, error) => (EnrpMessage)new EnrpError(pair.Sender, pair.Receiver, error)),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an ENRP message type"),
        };
    }
}
