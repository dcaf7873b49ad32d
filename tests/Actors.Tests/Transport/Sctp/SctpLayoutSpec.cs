using System.Buffers.Binary;
using System.Net;
using System.Runtime.InteropServices;
using RSerPool.Actors.Transport.Sctp;
using Xunit;

namespace RSerPool.Actors.Tests.Transport.Sctp;

/// <summary>
/// Byte layouts the kernel expects on 64-bit Linux (RFC 6458 §5.3.4, §5.3.5, §6.1; linux/sctp.h): cmsg headers,
/// sctp_sndinfo / sctp_rcvinfo, notifications, sockaddr_in / sockaddr_in6, and the P/Invoke structs.
/// </summary>
public sealed class SctpLayoutSpec
{
    [Fact]
    public void Native_structs_have_the_kernel_sizes()
    {
        Assert.Equal(56, Marshal.SizeOf<SctpNative.MessageHeader>());
        Assert.Equal(16, Marshal.SizeOf<SctpNative.IoVec>());
        Assert.Equal(8, Marshal.SizeOf<SctpNative.PollFd>());
        Assert.Equal(24, Marshal.OffsetOf<SctpNative.MessageHeader>(nameof(SctpNative.MessageHeader.IovLength)).ToInt32());
        Assert.Equal(48, Marshal.OffsetOf<SctpNative.MessageHeader>(nameof(SctpNative.MessageHeader.Flags)).ToInt32());
    }

    [Fact]
    public void Send_info_cmsg_has_header_then_sndinfo_with_the_ppid_in_network_order()
    {
        var control = new byte[SctpControlMessages.SendInfoSpace];
        int written = SctpControlMessages.WriteSendInfo(control, new SctpSendInfo(Stream: 3, PayloadProtocolId: SctpPayloadProtocol.Asap, Unordered: true, Context: 7));

        Assert.Equal(32, written);
        Assert.Equal(32UL, BitConverter.ToUInt64(control, 0));          // cmsg_len = CMSG_LEN(16)
        Assert.Equal(132, BitConverter.ToInt32(control, 8));            // IPPROTO_SCTP
        Assert.Equal(2, BitConverter.ToInt32(control, 12));             // SCTP_SNDINFO
        Assert.Equal((ushort)3, BitConverter.ToUInt16(control, 16));    // snd_sid
        Assert.Equal((ushort)1, BitConverter.ToUInt16(control, 18));    // snd_flags = SCTP_UNORDERED
        Assert.Equal(new byte[] { 0, 0, 0, 11 }, control[20..24]);      // snd_ppid as on the wire
        Assert.Equal(7u, BitConverter.ToUInt32(control, 24));           // snd_context
        Assert.Equal(0, BitConverter.ToInt32(control, 28));             // snd_assoc_id
    }

    [Fact]
    public void Send_info_names_the_association_and_carries_eof_abort_and_unordered_flags()
    {
        var control = new byte[SctpControlMessages.SendInfoSpace];
        SctpControlMessages.WriteSendInfo(control, new SctpSendInfo(0, 0, AssociationId: 0x01020304, Flags: SctpSendFlags.EndOfFile));
        Assert.Equal((ushort)0x0200, BitConverter.ToUInt16(control, 18)); // SCTP_EOF = MSG_FIN
        Assert.Equal(0x01020304, BitConverter.ToInt32(control, 28));       // snd_assoc_id

        SctpControlMessages.WriteSendInfo(control, new SctpSendInfo(2, SctpPayloadProtocol.Asap, Unordered: true, AssociationId: 7, Flags: SctpSendFlags.Abort));
        Assert.Equal((ushort)0x0005, BitConverter.ToUInt16(control, 18)); // SCTP_ABORT | SCTP_UNORDERED
        Assert.Equal(7, BitConverter.ToInt32(control, 28));

        var body = new byte[SctpControlMessages.SendInfoLength];
        SctpControlMessages.WriteSendInfoBody(body, new SctpSendInfo(0, SctpPayloadProtocol.Asap, Flags: SctpSendFlags.Unordered));
        Assert.Equal((ushort)1, BitConverter.ToUInt16(body, 2));
    }

    [Fact]
    public void Receive_info_is_found_after_other_cmsgs()
    {
        var control = new byte[128];
        // A foreign cmsg first (level SOL_SOCKET, 4 data bytes, CMSG_SPACE 24), then SCTP_RCVINFO (CMSG_LEN 44).
        BitConverter.TryWriteBytes(control.AsSpan(0), 20UL);
        BitConverter.TryWriteBytes(control.AsSpan(8), 1);
        BitConverter.TryWriteBytes(control.AsSpan(12), 1);
        BitConverter.TryWriteBytes(control.AsSpan(24), 44UL);
        BitConverter.TryWriteBytes(control.AsSpan(32), 132);
        BitConverter.TryWriteBytes(control.AsSpan(36), 3);
        var body = control.AsSpan(40);
        BitConverter.TryWriteBytes(body, (ushort)5);                     // rcv_sid
        BitConverter.TryWriteBytes(body[2..], (ushort)9);                // rcv_ssn
        BitConverter.TryWriteBytes(body[4..], (ushort)1);                // rcv_flags: unordered
        BinaryPrimitives.WriteUInt32BigEndian(body[8..], 12);            // rcv_ppid (ENRP)
        BitConverter.TryWriteBytes(body[12..], 1000u);                   // rcv_tsn
        BitConverter.TryWriteBytes(body[24..], 42);                      // rcv_assoc_id

        Assert.True(SctpControlMessages.TryReadReceiveInfo(control.AsSpan(0, 24 + 44), out var info));
        Assert.Equal(new SctpReceiveInfo(5, 9, true, SctpPayloadProtocol.Enrp, 1000, 42), info);
    }

    [Fact]
    public void Receive_info_is_absent_when_truncated_or_missing()
    {
        var control = new byte[64];
        BitConverter.TryWriteBytes(control.AsSpan(0), 44UL);
        BitConverter.TryWriteBytes(control.AsSpan(8), 132);
        BitConverter.TryWriteBytes(control.AsSpan(12), 3);
        Assert.False(SctpControlMessages.TryReadReceiveInfo(control.AsSpan(0, 40), out _)); // cmsg_len beyond the data
        Assert.False(SctpControlMessages.TryReadReceiveInfo(ReadOnlySpan<byte>.Empty, out _));
        BitConverter.TryWriteBytes(control.AsSpan(12), 2);                                   // SCTP_SNDINFO, not RCVINFO
        Assert.False(SctpControlMessages.TryReadReceiveInfo(control.AsSpan(0, 48), out _));
    }

    [Fact]
    public void Default_sndinfo_body_is_sixteen_bytes_with_the_ppid_big_endian()
    {
        var body = new byte[SctpControlMessages.SendInfoLength];
        SctpControlMessages.WriteSendInfoBody(body, new SctpSendInfo(0, SctpPayloadProtocol.Enrp));
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0 }, body);
    }

    [Fact]
    public void Association_change_notifications_decode()
    {
        var up = new byte[20];
        BitConverter.TryWriteBytes(up.AsSpan(0), (ushort)0x8001);
        BitConverter.TryWriteBytes(up.AsSpan(4), 20u);
        BitConverter.TryWriteBytes(up.AsSpan(8), (ushort)0);   // SCTP_COMM_UP
        BitConverter.TryWriteBytes(up.AsSpan(12), (ushort)10); // outbound streams
        BitConverter.TryWriteBytes(up.AsSpan(14), (ushort)65535);
        Assert.True(SctpNotifications.TryParse(up, out var parsed));
        Assert.Equal(SctpEventKind.Up, parsed!.Kind);
        Assert.Equal((ushort)10, parsed.OutboundStreams);
        Assert.Equal((ushort)65535, parsed.InboundStreams);
        Assert.False(parsed.EndsAssociation);

        BitConverter.TryWriteBytes(up.AsSpan(8), (ushort)1);   // SCTP_COMM_LOST
        BitConverter.TryWriteBytes(up.AsSpan(10), (ushort)6);  // error
        Assert.True(SctpNotifications.TryParse(up, out parsed));
        Assert.Equal(SctpEventKind.Lost, parsed!.Kind);
        Assert.Equal(6, parsed.Error);
        Assert.True(parsed.EndsAssociation);

        Assert.False(SctpNotifications.TryParse(up.AsSpan(0, 6), out _));
    }

    [Fact]
    public void Shutdown_and_peer_address_notifications_decode()
    {
        var shutdown = new byte[12];
        BitConverter.TryWriteBytes(shutdown.AsSpan(0), (ushort)0x8005);
        Assert.True(SctpNotifications.TryParse(shutdown, out var parsed));
        Assert.Equal(SctpEventKind.PeerShutdown, parsed!.Kind);

        var change = new byte[148];
        BitConverter.TryWriteBytes(change.AsSpan(0), (ushort)0x8002);
        SocketAddressCodec.Encode(new IPEndPoint(IPAddress.Parse("127.0.0.1"), 3863)).CopyTo(change, 8);
        BitConverter.TryWriteBytes(change.AsSpan(136), 1);     // SCTP_ADDR_UNREACHABLE
        Assert.True(SctpNotifications.TryParse(change, out parsed));
        Assert.Equal(SctpEventKind.PeerAddressChange, parsed!.Kind);
        Assert.Equal(1, parsed.State);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 3863), parsed.PeerAddress);
    }

    [Fact]
    public void Notifications_carry_their_association_id()
    {
        var change = new byte[20];
        BitConverter.TryWriteBytes(change.AsSpan(0), (ushort)0x8001);
        BitConverter.TryWriteBytes(change.AsSpan(8), (ushort)3);    // SCTP_SHUTDOWN_COMP
        BitConverter.TryWriteBytes(change.AsSpan(16), 41);          // sac_assoc_id
        Assert.True(SctpNotifications.TryParse(change, out var parsed));
        Assert.Equal(SctpEventKind.ShutdownComplete, parsed!.Kind);
        Assert.Equal(41, parsed.AssociationId);

        var shutdown = new byte[12];
        BitConverter.TryWriteBytes(shutdown.AsSpan(0), (ushort)0x8005);
        BitConverter.TryWriteBytes(shutdown.AsSpan(8), 42);         // sse_assoc_id
        Assert.True(SctpNotifications.TryParse(shutdown, out parsed));
        Assert.Equal(42, parsed!.AssociationId);

        var address = new byte[148];
        BitConverter.TryWriteBytes(address.AsSpan(0), (ushort)0x8002);
        BitConverter.TryWriteBytes(address.AsSpan(144), 43);        // spc_assoc_id after the packed sockaddr_storage, state, error
        Assert.True(SctpNotifications.TryParse(address, out parsed));
        Assert.Equal(43, parsed!.AssociationId);
    }

    [Fact]
    public void Socket_addresses_encode_as_sockaddr_in_and_in6()
    {
        byte[] v4 = SocketAddressCodec.Encode(new IPEndPoint(IPAddress.Parse("127.0.0.1"), 3863));
        Assert.Equal(new byte[] { 2, 0, 0x0f, 0x17, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 }, v4);

        var v6EndPoint = new IPEndPoint(IPAddress.Parse("fe80::1%3"), 9901);
        byte[] v6 = SocketAddressCodec.Encode(v6EndPoint);
        Assert.Equal(28, v6.Length);
        Assert.Equal((ushort)10, BitConverter.ToUInt16(v6, 0));
        Assert.Equal((ushort)9901, BinaryPrimitives.ReadUInt16BigEndian(v6.AsSpan(2)));
        Assert.Equal(3u, BitConverter.ToUInt32(v6, 24));
        Assert.Equal(v6EndPoint, SocketAddressCodec.Decode(v6));
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 3863), SocketAddressCodec.Decode(v4));
        Assert.Null(SocketAddressCodec.Decode(v4.AsSpan(0, 8)));
    }
}
