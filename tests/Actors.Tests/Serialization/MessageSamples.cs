using System.Collections.Immutable;
using System.Net;
using RSerPool.Actors.Api;
using RSerPool.Actors.Enrp;
using RSerPool.Actors.PoolElements;
using RSerPool.Actors.PoolUser;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.RegistrarClient;
using RSerPool.Actors.Session;
using RSerPool.Wire;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Tests.Serialization;

/// <summary>One realistic instance of every message type that may cross a process boundary (<see cref="IRSerPoolMessage"/>).</summary>
internal static class MessageSamples
{
    private static readonly PoolHandle Pool = PoolHandle.FromString("EchoPool");
    private static readonly IPEndPoint Registrar = new(IPAddress.Loopback, 3863);
    private static readonly TcpTransport Transport = new(4711, TransportUse.DataPlusControl, [IPAddress.Parse("10.0.0.7")]);
    private static readonly PoolElement Element = new(0x1234_5678, 0x5e5e_0001, 90_000, Transport, PoolMemberSelectionPolicy.LeastUsed(42));

    public static IReadOnlyList<IRSerPoolMessage> All { get; } =
    [
        new PoolUserRequest(7, [1, 2, 3]),
        new PoolElementReply([4, 5]),
        new PoolElementCookie([6]),
        ClosePoolUserSession.Instance,
        new PoolUserSessionOpened(7),
        new PoolUserSessionClosed(7),
        new PoolUserCookieEcho(7, [8, 9]),
        new SendToPool([1, 2], AckRequested: true, FailoverAllowed: false, Tag: "request 1"),
        new PoolSessionSent("request 1"),
        new PoolSessionSendFailed(3, "bound to a failed PE"),
        new PoolSessionConnected(Pool, Element),
        new PoolSessionClosed(Pool, "no PE left"),
        ForcePoolFailover.Instance,
        ClosePoolSession.Instance,
        new PoolSessionMessage(new byte[] { 10, 11, 12 }, 0x1234_5678),
        new PoolSessionFailover(0x1234_5678, Element, "peer closed the connection"),
        new PoolSessionNotification(PoolSessionNotificationKind.BusinessCardReceived, 0x1234_5678, null, new AsapBusinessCard(Pool, ValueArray.Create<PoolElement>([Element]))),
        GetHandlespaceSnapshot.Instance,
        new HandlespaceSnapshot(
            [new PoolElementSnapshot(Pool, Element.Identifier, 0x5e5e_0001, 90_000, Transport, PoolMemberSelectionPolicy.RoundRobin(), 3, 1)],
            new Dictionary<uint, PeChecksum> { [0x5e5e_0001] = PeChecksum.Empty.Add(Pool.Span, Element.Identifier) },
            1),
        new RegistrarStarted(0x5e5e_0001, Registrar, new IPEndPoint(IPAddress.Loopback, 9901), ["tcp"]) { AsapSctpEndPoint = Registrar },
        new RegistrarStartFailed(Registrar, "address in use"),
        GetEnrpStatus.Instance,
        new EnrpStatus(0x5e5e_0001, new IPEndPoint(IPAddress.Loopback, 9901), false, 0x5e5e_0002,
            [new EnrpPeerStatus(0x5e5e_0002, new IPEndPoint(IPAddress.Loopback, 9911), EnrpPeerState.InService, false)], [0x5e5e_0003], [0x5e5e_0004])
        {
            ServedTransports = ["tcp", "sctp"],
        },
        new PoolElementStatusChanged(Pool, Element.Identifier, PoolElementStatus.Registered, 0x5e5e_0001, null),
        GetRegistrarClientState.Instance,
        new RegistrarClientState(Registrar, 0x5e5e_0001, [new KnownRegistrar(Registrar, 0x5e5e_0001, true, new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero))], new IPEndPoint(IPAddress.Any, 3863)),
        new GetPoolInfo(Pool),
        new PoolInfo(Pool, PoolMemberSelectionPolicy.RoundRobin(), [Element]),
        new SelectPoolElement(Pool, [1, 2]),
        new PoolElementSelected(Pool, Element),
        new PoolElementSelectionFailed(Pool, "unknown pool handle", true),
        new ReportPoolElementUnreachable(Pool, Element.Identifier),
    ];
}
