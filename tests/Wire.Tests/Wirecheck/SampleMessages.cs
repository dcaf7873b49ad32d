using System.Net;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Tests.Properties;

namespace RSerPool.Wire.Tests.Wirecheck;

/// <summary>
/// Hand-written messages in the forms RSPLIB sends (RFC 5352, RFC 5353): every message type, every
/// transport, every policy code with a wire layout, and every RFC error cause with its information.
/// </summary>
public static class SampleMessages
{
    private static readonly PoolHandle Echo = PoolHandle.FromString("EchoPool");
    private static readonly PoolHandle CalcApp = PoolHandle.FromString("CalcAppPool");
    private static readonly IPAddress V4 = IPAddress.Parse("192.0.2.10");
    private static readonly IPAddress V6 = IPAddress.Parse("2001:db8::11");

    public static IEnumerable<object> All()
    {
        SctpTransport user = new(5001, TransportUse.DataPlusControl, [V4, V6]);
        SctpTransport asap = new(40001, TransportUse.DataOnly, [V4]);
        SctpTransport enrpEndpoint = new(9901, TransportUse.DataOnly, [IPAddress.Parse("198.51.100.1")]);
        PoolElement element = new(0x1a2b3c4d, 0x0a0b0c0d, 90000, user, PoolMemberSelectionPolicy.RoundRobin());
        PoolElement enrpElement = element with { AsapTransport = asap };

        foreach (PolicyType type in ParameterGen.AllPolicyTypes.Where(PolicyLayout.IsKnown))
        {
            PolicyLayout.TryGet(type, out ReadOnlySpan<PolicyValueKind> layout);
            var values = Enumerable.Range(1, layout.Length).Select(i => (uint)(0x10000000 * i)).ToArray();
            yield return new AsapRegistration(Echo, element with { Policy = new PoolMemberSelectionPolicy(type, ValueArray.Create<uint>(values)) });
        }

        TransportParameter[] transports =
        [
            new TcpTransport(8080, TransportUse.DataOnly, [V4]),
            new UdpTransport(7, [V6]),
            new UdpLiteTransport(5004, [V4]),
            new DccpTransport(5005, 0x12345678, [V4]),
        ];
        foreach (TransportParameter transport in transports)
        {
            yield return new AsapRegistration(CalcApp, element with { UserTransport = transport, HomeServerIdentifier = 0 });
        }

        yield return new AsapDeregistration(Echo, 0x1a2b3c4d);
        yield return new AsapRegistrationResponse(Echo, 0x1a2b3c4d);
        foreach (ErrorCause cause in Causes())
        {
            yield return new AsapRegistrationResponse(Echo, 0x1a2b3c4d, Rejected: true, Error: new OperationError(cause));
        }

        yield return new AsapDeregistrationResponse(Echo, 0x1a2b3c4d);
        yield return new AsapHandleResolution(Echo);
        yield return new AsapHandleResolution(Echo, AsapHandleResolution.AsManyAsPossible);
        yield return new AsapHandleResolutionResponse(
            Echo, PoolMemberSelectionPolicy.RoundRobin(), [element, element with { Identifier = 0x5e6f7081 }]);
        yield return AsapHandleResolutionResponse.Failure(Echo, new OperationError(ErrorCause.WithoutInformation(ErrorCauseCode.UnknownPoolHandle)));
        yield return new AsapEndpointKeepAlive(0x0a0b0c0d, Echo, 0x1a2b3c4d);
        yield return new AsapEndpointKeepAlive(0x0a0b0c0d, Echo, HomeFlag: true);
        yield return new AsapEndpointKeepAliveAck(Echo, 0x1a2b3c4d);
        yield return new AsapEndpointUnreachable(Echo, 0x1a2b3c4d);
        yield return new AsapServerAnnounce(0x0a0b0c0d);
        yield return new AsapServerAnnounce(0x0a0b0c0d, [new SctpTransport(3863, TransportUse.DataOnly, [V4, V6])]);
        yield return new AsapCookie(ValueArray.Create<byte>("session=0042"u8));
        yield return new AsapCookieEcho(ValueArray.Create<byte>("session=0042"u8));
        yield return new AsapBusinessCard(Echo, [element, element with { Identifier = 0x5e6f7081 }]);
        yield return new AsapError(new OperationError(ErrorCause.InvalidValues([0x00, 0x0e, 0x00, 0x08, 0, 0, 0, 0])));

        ushort checksum = PeChecksum.Empty.Add(Echo.Span, 0x1a2b3c4d).Finish();
        yield return new EnrpPresence(0x0a0b0c0d, 0x1f2e3d4c, checksum, new ServerInformation(0x0a0b0c0d, enrpEndpoint), ReplyRequired: true);
        yield return new EnrpPresence(0x0a0b0c0d, 0, PeChecksum.NoPoolElements, new ServerInformation(0x0a0b0c0d, enrpEndpoint));
        yield return new EnrpHandleTableRequest(0x1f2e3d4c, 0x0a0b0c0d, OwnChildrenOnly: true);
        yield return new EnrpHandleTableResponse(
            0x0a0b0c0d, 0x1f2e3d4c, [new HandleTableEntry(Echo, [enrpElement]), new HandleTableEntry(CalcApp, [enrpElement, enrpElement with { Identifier = 7 }])],
            MoreToSend: true);
        yield return new EnrpHandleUpdate(0x0a0b0c0d, 0x1f2e3d4c, HandleUpdateAction.AddPoolElement, Echo, enrpElement);
        yield return new EnrpHandleUpdate(0x0a0b0c0d, 0x1f2e3d4c, HandleUpdateAction.DeletePoolElement, Echo, enrpElement);
        yield return new EnrpListRequest(0x1f2e3d4c, 0x0a0b0c0d);
        yield return new EnrpListResponse(0x0a0b0c0d, 0x1f2e3d4c, [new ServerInformation(0x1f2e3d4c, enrpEndpoint)]);
        yield return new EnrpInitTakeover(0x1f2e3d4c, 0, 0x0a0b0c0d);
        yield return new EnrpInitTakeoverAck(0x2c3d4e5f, 0x1f2e3d4c, 0x0a0b0c0d);
        yield return new EnrpTakeoverServer(0x1f2e3d4c, 0, 0x0a0b0c0d);
        yield return new EnrpError(0x1f2e3d4c, 0x0a0b0c0d, new OperationError(ErrorCause.WithoutInformation(ErrorCauseCode.LackOfResources)));
    }

    // docs/protocol-notes.md §5: Wireshark needs the information of causes 1, 2, 3, 5 and 7.
    private static IEnumerable<ErrorCause> Causes()
    {
        yield return ErrorCause.UnrecognizedParameter([0x00, 0x0e, 0x00, 0x08, 0x1a, 0x2b, 0x3c, 0x4d]);
        yield return ErrorCause.UnrecognizedMessage([0x05, 0x00, 0x00, 0x10, 0x00, 0x09, 0x00, 0x0c, .. "EchoPool"u8]);
        yield return ErrorCause.InvalidValues([0x00, 0x09, 0x00, 0x05, 0x41, 0x00, 0x00, 0x00]);
        yield return ErrorCause.WithoutInformation(ErrorCauseCode.NonUniquePeIdentifier);
        yield return new ErrorCause(ErrorCauseCode.InconsistentPoolingPolicy, ValueArray.Create<byte>([0x00, 0x08, 0x00, 0x08, 0x00, 0x00, 0x00, 0x03]));
        yield return ErrorCause.WithoutInformation(ErrorCauseCode.LackOfResources);
        yield return new ErrorCause(
            ErrorCauseCode.InconsistentTransportType,
            ValueArray.Create<byte>([0x00, 0x06, 0x00, 0x10, 0x1f, 0x90, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 192, 0, 2, 10]));
        yield return ErrorCause.WithoutInformation(ErrorCauseCode.InconsistentDataControlConfiguration);
        yield return ErrorCause.WithoutInformation(ErrorCauseCode.UnknownPoolHandle);
        yield return ErrorCause.WithoutInformation(ErrorCauseCode.RejectionDueToSecurityConsiderations);
    }
}
