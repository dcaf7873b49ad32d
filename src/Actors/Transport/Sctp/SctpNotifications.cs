namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// Decodes the notifications recvmsg returns with MSG_NOTIFICATION (RFC 6458 §6.1; host byte order):
/// every one starts with u16 type, u16 flags, u32 length.
/// </summary>
public static class SctpNotifications
{
    public const ushort AssociationChange = 0x8001;
    public const ushort PeerAddressChange = 0x8002;
    public const ushort ShutdownEvent = 0x8005;

    /// <summary>The notification types an association actor subscribes to with SCTP_EVENT.</summary>
    public static IReadOnlyList<ushort> Subscribed { get; } = [AssociationChange, PeerAddressChange, ShutdownEvent];

    // struct sctp_assoc_change: type, flags, length, u16 state, u16 error, u16 outbound, u16 inbound, assoc id.
    private const int AssociationChangeLength = 20;
    private const int AssociationChangeIdOffset = 16;

    // struct sctp_shutdown_event: type, flags, length, assoc id.
    private const int ShutdownEventLength = 12;

    // struct sctp_paddr_change (packed): type, flags, length, sockaddr_storage (128), int state, int error, assoc id.
    private const int PeerAddressChangeLength = 148;
    private const int PeerAddressChangeIdOffset = 144;
    private const int SockaddrStorageLength = 128;

    public static bool TryParse(ReadOnlySpan<byte> notification, out SctpAssociationEvent? parsed)
    {
        parsed = null;
        if (notification.Length < 8)
        {
            return false;
        }
        ushort type = BitConverter.ToUInt16(notification[..2]);
        switch (type)
        {
            case AssociationChange when notification.Length >= AssociationChangeLength:
                ushort state = BitConverter.ToUInt16(notification.Slice(8, 2));
                var kind = state switch
                {
                    0 => SctpEventKind.Up,
                    1 => SctpEventKind.Lost,
                    2 => SctpEventKind.Restart,
                    3 => SctpEventKind.ShutdownComplete,
                    4 => SctpEventKind.CannotStart,
                    _ => SctpEventKind.Other,
                };
                parsed = new SctpAssociationEvent(kind, type, state, BitConverter.ToUInt16(notification.Slice(10, 2)),
                    BitConverter.ToUInt16(notification.Slice(12, 2)), BitConverter.ToUInt16(notification.Slice(14, 2)),
                    AssociationId: BitConverter.ToInt32(notification.Slice(AssociationChangeIdOffset, 4)));
                return true;
            case PeerAddressChange when notification.Length >= PeerAddressChangeLength:
                parsed = new SctpAssociationEvent(SctpEventKind.PeerAddressChange, type,
                    BitConverter.ToInt32(notification.Slice(8 + SockaddrStorageLength, 4)),
                    BitConverter.ToInt32(notification.Slice(12 + SockaddrStorageLength, 4)),
                    PeerAddress: SocketAddressCodec.Decode(notification.Slice(8, SockaddrStorageLength)),
                    AssociationId: BitConverter.ToInt32(notification.Slice(PeerAddressChangeIdOffset, 4)));
                return true;
            case ShutdownEvent:
                parsed = new SctpAssociationEvent(SctpEventKind.PeerShutdown, type, 0, 0,
                    AssociationId: notification.Length >= ShutdownEventLength ? BitConverter.ToInt32(notification.Slice(8, 4)) : 0);
                return true;
            default:
                parsed = new SctpAssociationEvent(SctpEventKind.Other, type, 0, 0);
                return true;
        }
    }
}
