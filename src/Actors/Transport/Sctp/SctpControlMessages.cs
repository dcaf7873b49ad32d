using System.Buffers.Binary;

namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// Ancillary data (cmsg) for sendmsg/recvmsg on 64-bit Linux: struct cmsghdr { size_t len; int level; int type; }
/// (16 bytes) then the data, padded to 8. The SCTP structures are in host byte order except the payload protocol
/// identifier, which the kernel passes through as the wire's network-order bytes (RFC 6458 §5.3.4).
/// </summary>
public static class SctpControlMessages
{
    public const int HeaderLength = 16;

    /// <summary>sizeof(struct sctp_sndinfo).</summary>
    public const int SendInfoLength = 16;

    /// <summary>sizeof(struct sctp_rcvinfo).</summary>
    public const int ReceiveInfoLength = 28;

    /// <summary>CMSG_SPACE(sizeof(struct sctp_sndinfo)).</summary>
    public const int SendInfoSpace = HeaderLength + SendInfoLength;

    /// <summary>Room for the control data of one recvmsg (SCTP_RCVINFO and, if ever enabled, SCTP_NXTINFO).</summary>
    public const int ReceiveControlSpace = 128;

    /// <summary>Writes an SCTP_SNDINFO cmsg into <paramref name="destination"/> (at least <see cref="SendInfoSpace"/> bytes).</summary>
    public static int WriteSendInfo(Span<byte> destination, in SctpSendInfo info)
    {
        destination[..SendInfoSpace].Clear();
        BitConverter.TryWriteBytes(destination[..8], (ulong)(HeaderLength + SendInfoLength));
        BitConverter.TryWriteBytes(destination.Slice(8, 4), SctpNative.IpProtoSctp);
        BitConverter.TryWriteBytes(destination.Slice(12, 4), SctpNative.SctpCmsgSndInfo);
        WriteSendInfoBody(destination.Slice(HeaderLength, SendInfoLength), info);
        return SendInfoSpace;
    }

    /// <summary>The struct sctp_sndinfo alone, as SCTP_DEFAULT_SNDINFO takes it: sid, flags, ppid, context, assoc id.</summary>
    public static void WriteSendInfoBody(Span<byte> destination, in SctpSendInfo info)
    {
        BitConverter.TryWriteBytes(destination[..2], info.Stream);
        BitConverter.TryWriteBytes(destination.Slice(2, 2), info.WireFlags);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4, 4), info.PayloadProtocolId);
        BitConverter.TryWriteBytes(destination.Slice(8, 4), info.Context);
        BitConverter.TryWriteBytes(destination.Slice(12, 4), info.AssociationId);
    }

    /// <summary>Finds the SCTP_RCVINFO cmsg among the control data recvmsg returned.</summary>
    public static bool TryReadReceiveInfo(ReadOnlySpan<byte> control, out SctpReceiveInfo info)
    {
        info = default;
        int offset = 0;
        while (offset + HeaderLength <= control.Length)
        {
            ulong length = BitConverter.ToUInt64(control.Slice(offset, 8));
            int level = BitConverter.ToInt32(control.Slice(offset + 8, 4));
            int type = BitConverter.ToInt32(control.Slice(offset + 12, 4));
            if (length < HeaderLength || length > (ulong)(control.Length - offset))
            {
                return false;
            }
            if (level == SctpNative.IpProtoSctp && type == SctpNative.SctpCmsgRcvInfo && length >= HeaderLength + ReceiveInfoLength)
            {
                var body = control.Slice(offset + HeaderLength, ReceiveInfoLength);
                info = new SctpReceiveInfo(
                    Stream: BitConverter.ToUInt16(body[..2]),
                    StreamSequence: BitConverter.ToUInt16(body.Slice(2, 2)),
                    Unordered: (BitConverter.ToUInt16(body.Slice(4, 2)) & SctpSendInfo.UnorderedFlag) != 0,
                    PayloadProtocolId: BinaryPrimitives.ReadUInt32BigEndian(body.Slice(8, 4)),
                    Tsn: BitConverter.ToUInt32(body.Slice(12, 4)),
                    AssociationId: BitConverter.ToInt32(body.Slice(24, 4)));
                return true;
            }
            offset += (int)((length + 7) & ~7UL);
        }
        return false;
    }
}
