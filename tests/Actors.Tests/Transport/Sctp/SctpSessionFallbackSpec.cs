using System.Net;
using RSerPool.Actors.Api;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.PoolElements;
using RSerPool.Actors.Session;
using RSerPool.Actors.Tests.Session;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Wire.Parameters;
using Xunit;
using RSerPool.Actors.RegistrarClient;

namespace RSerPool.Actors.Tests.Transport.Sctp;

/// <summary>
/// The SCTP PE/PU pieces where the kernel has no SCTP (issue 7: nothing fails, it is reported): the registrar connector,
/// the PE's SCTP server and the PU's SCTP connection each fail with <see cref="SctpSupport.Reason"/>; and which user
/// transports a PU session can use (RFC 5352 §5, RFC 5354 §3.4, §3.5).
/// </summary>
public sealed class SctpSessionFallbackSpec : RealTimeTestKit
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public SctpSessionFallbackSpec()
        : base()
    {
    }

    [NoSctpFact]
    public async Task The_sctp_registrar_connector_reports_the_missing_kernel_support_as_a_failed_attempt()
    {
        var client = CreateTestProbe("client");
        SctpRegistrarConnector.Instance.Connect(new ConnectRegistrar(new IPEndPoint(IPAddress.Loopback, 3863), 7, TimeSpan.FromSeconds(1)), client.Ref);
        var failed = await client.ExpectMsgAsync<RegistrarConnectFailed>(Timeout);
        Assert.Equal(7, failed.Attempt);
        Assert.Equal(SctpSupport.Reason, failed.Reason);
    }

    [NoSctpFact]
    public async Task The_pe_sctp_server_fails_to_start_with_the_reason()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PoolElementServer.StartSctpAsync(Sys, new IPEndPoint(IPAddress.Loopback, 0), new RecordingEchoService("pe", TestActor),
                sctp: SctpSessionSettings.Default with { SocketStyle = SctpSocketStyle.OneToOne }));
        Assert.Contains(SctpSupport.Reason, error.Message, StringComparison.Ordinal);
    }

    [NoSctpFact]
    public async Task The_one_to_many_pe_sctp_server_fails_to_start_with_the_reason()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PoolElementServer.StartSctpAsync(Sys, new IPEndPoint(IPAddress.Loopback, 0), new RecordingEchoService("pe", TestActor),
                sctp: SctpSessionSettings.Default with { SocketStyle = SctpSocketStyle.OneToMany }));
        Assert.Contains(SctpSupport.Reason, error.Message, StringComparison.Ordinal);
    }

    [NoSctpFact]
    public async Task The_pu_sctp_connection_reports_a_failed_connect()
    {
        var handler = CreateTestProbe("handler");
        Sys.ActorOf(SctpSessionConnectionActor.Connect(new IPEndPoint(IPAddress.Loopback, 9), handler.Ref, SctpSessionSettings.Default), "connection");
        var failed = await handler.ExpectMsgAsync<ShimConnectFailed>(Timeout);
        Assert.Equal(SctpSupport.Reason, failed.Reason);
    }

    [Fact]
    public void A_pu_session_uses_an_sctp_user_transport_only_where_the_kernel_has_sctp()
    {
        var sctp = Element(new SctpTransport(4711, TransportUse.DataPlusControl, [IPAddress.Any, IPAddress.Loopback]));
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 4711), PoolUserSessionActor.EndpointOf(sctp, sctpAvailable: true));
        Assert.Null(PoolUserSessionActor.EndpointOf(sctp, sctpAvailable: false));

        var tcp = Element(new TcpTransport(4712, TransportUse.DataPlusControl, [IPAddress.Loopback]));
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 4712), PoolUserSessionActor.EndpointOf(tcp, sctpAvailable: false));
        Assert.Null(PoolUserSessionActor.EndpointOf(Element(new UdpTransport(4713, [IPAddress.Loopback])), sctpAvailable: true));
    }

    [Fact]
    public void Sctp_session_defaults_send_unspecified_data_and_control_on_ppid_11_and_serve_on_one_socket()
    {
        var settings = SctpSessionSettings.Default;
        Assert.Equal(0u, settings.DataPayloadProtocolId);
        Assert.Equal(SctpDataAcknowledgement.OnSend, settings.Acknowledgement);
        Assert.True(settings.ReplyWithReceivedPayloadProtocolId);
        Assert.Equal(SctpSocketStyle.OneToMany, settings.SocketStyle);
        Assert.Equal(new SctpSendInfo(0, SctpPayloadProtocol.Asap), settings.ControlSendInfo);
    }

    private static PoolElement Element(TransportParameter transport) =>
        new(1, 0, 30000, transport, PoolMemberSelectionPolicy.RoundRobin());
}
