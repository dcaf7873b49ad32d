using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// A kernel SCTP socket, non-blocking, used through libc: one-to-one style (SOCK_STREAM, RFC 6458 §4) or one-to-many
/// style (SOCK_SEQPACKET, RFC 6458 §3; <see cref="Style"/>). Each send is one SCTP user message with its own stream
/// and PPID (SCTP_SNDINFO cmsg; on one-to-many sockets also the association, snd_assoc_id); each receive reports
/// message boundaries (MSG_EOR), notifications (MSG_NOTIFICATION) and the SCTP_RCVINFO of the data (with rcv_assoc_id).
/// Thread use: one reader and one writer at a time on one-to-one sockets; on one-to-many sockets one reader and any
/// number of writers (the kernel serialises sendmsg). <see cref="Dispose"/> closes the descriptor once no call is using it.
/// </summary>
public sealed class SctpSocket : IDisposable
{
    private readonly SctpSocketHandle _handle;

    private SctpSocket(SctpSocketHandle handle, AddressFamily family, SctpSocketStyle style)
    {
        _handle = handle;
        AddressFamily = family;
        Style = style;
    }

    public AddressFamily AddressFamily { get; }

    public SctpSocketStyle Style { get; }

    internal SctpSocketHandle Handle => _handle;

    public bool IsClosed => _handle.IsClosed;

    /// <summary>
    /// socket(AF_INET or AF_INET6, SOCK_STREAM or SOCK_SEQPACKET as <paramref name="style"/> says, IPPROTO_SCTP),
    /// non-blocking and close-on-exec.
    /// </summary>
    public static SctpSocket Create(AddressFamily family, SctpSocketStyle style = SctpSocketStyle.OneToOne)
    {
        int domain = family == AddressFamily.InterNetworkV6 ? SctpNative.AfInet6 : SctpNative.AfInet;
        int type = style == SctpSocketStyle.OneToMany ? SctpNative.SockSeqPacket : SctpNative.SockStream;
        int fd = SctpNative.Socket(domain, type | SctpNative.SockNonBlock | SctpNative.SockCloExec, SctpNative.IpProtoSctp);
        if (fd < 0)
        {
            throw new SctpException("socket", Marshal.GetLastPInvokeError());
        }
        return new SctpSocket(new SctpSocketHandle(fd), family, style);
    }

    /// <summary>
    /// A listening socket of <paramref name="style"/> on <paramref name="endpoint"/>, prepared for messages (so accepted
    /// or one-to-many associations carry SCTP_RCVINFO and the subscribed notifications), SO_REUSEPORT when
    /// <paramref name="reusePort"/>; throws <see cref="SctpException"/> and leaves nothing open on failure.
    /// </summary>
    public static SctpSocket OpenListener(IPEndPoint endpoint, SctpSocketStyle style, int backlog, bool reusePort = false)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var socket = Create(endpoint.AddressFamily, style);
        try
        {
            socket.PrepareForMessages();
            if (reusePort)
            {
                socket.EnableReusePort();
            }
            socket.Bind(endpoint);
            socket.Listen(backlog);
            return socket;
        }
        catch (SctpException)
        {
            socket.Dispose();
            throw;
        }
    }

    public void Bind(IPEndPoint endpoint)
    {
        byte[] address = SocketAddressCodec.Encode(endpoint);
        Check("bind", SctpNative.Bind(_handle, address, (uint)address.Length));
    }

    /// <summary>SO_REUSEPORT before <see cref="Bind"/>: a listener and outbound sockets of the same process share one port.</summary>
    public void EnableReusePort() =>
        Check("setsockopt(SO_REUSEPORT)", SctpNative.SetSocketOption(_handle, SctpNative.SolSocket, SctpNative.SoReusePort, BitConverter.GetBytes(1), sizeof(int)));

    public void Listen(int backlog) => Check("listen", SctpNative.Listen(_handle, backlog));

    /// <summary>accept4 (one-to-one listeners only) without waiting: the new association's socket (non-blocking), or null when none is pending.</summary>
    public SctpSocket? TryAccept()
    {
        int fd = SctpNative.Accept4(_handle, IntPtr.Zero, IntPtr.Zero, SctpNative.SockNonBlock | SctpNative.SockCloExec);
        if (fd >= 0)
        {
            return new SctpSocket(new SctpSocketHandle(fd), AddressFamily, SctpSocketStyle.OneToOne);
        }
        int errno = Marshal.GetLastPInvokeError();
        return errno is SctpNative.EAgain or SctpNative.EIntr ? null : throw new SctpException("accept4", errno);
    }

    /// <summary>Connects (four-way handshake) and waits for it at most <paramref name="timeout"/>; throws on failure.</summary>
    public void Connect(IPEndPoint remote, TimeSpan timeout)
    {
        byte[] address = SocketAddressCodec.Encode(remote);
        if (SctpNative.Connect(_handle, address, (uint)address.Length) == 0)
        {
            return;
        }
        int errno = Marshal.GetLastPInvokeError();
        if (errno != SctpNative.EInProgress)
        {
            throw new SctpException("connect", errno);
        }
        if (!Poll(SctpNative.PollOut, timeout))
        {
            throw new SctpException("connect", 110 /* ETIMEDOUT */);
        }
        var value = new byte[4];
        uint length = 4;
        Check("getsockopt(SO_ERROR)", SctpNative.GetSocketOption(_handle, SctpNative.SolSocket, SctpNative.SoError, value, ref length));
        int error = BitConverter.ToInt32(value);
        if (error != 0)
        {
            throw new SctpException("connect", error);
        }
    }

    /// <summary>
    /// What every association of ours uses: SCTP_RCVINFO with each message, the notifications of
    /// <see cref="SctpNotifications.Subscribed"/>, and SCTP_NODELAY. Listeners set it before listen so accepted
    /// sockets inherit it; setting it again on them is harmless.
    /// </summary>
    public void PrepareForMessages()
    {
        EnableReceiveInfo();
        foreach (ushort type in SctpNotifications.Subscribed)
        {
            Subscribe(type);
        }
        EnableNoDelay();
    }

    /// <summary>SCTP_RECVRCVINFO on: every received message carries its stream and PPID.</summary>
    public void EnableReceiveInfo() => SetOption("setsockopt(SCTP_RECVRCVINFO)", SctpNative.SctpRecvRcvInfo, BitConverter.GetBytes(1));

    /// <summary>SCTP_NODELAY on: no Nagle-like bundling delay for small control messages.</summary>
    public void EnableNoDelay() => SetOption("setsockopt(SCTP_NODELAY)", SctpNative.SctpNoDelay, BitConverter.GetBytes(1));

    /// <summary>SCTP_EVENT: turns one notification type on (RFC 6458 §6.2.2).</summary>
    public void Subscribe(ushort notificationType)
    {
        // struct sctp_event { sctp_assoc_t se_assoc_id; u16 se_type; u8 se_on; } (8 bytes with padding)
        var value = new byte[8];
        BitConverter.TryWriteBytes(value.AsSpan(4, 2), notificationType);
        value[6] = 1;
        SetOption("setsockopt(SCTP_EVENT)", SctpNative.SctpEvent, value);
    }

    /// <summary>SCTP_DEFAULT_SNDINFO: stream and PPID of sends that carry no SCTP_SNDINFO cmsg.</summary>
    public void SetDefaultSendInfo(in SctpSendInfo info)
    {
        var value = new byte[SctpControlMessages.SendInfoLength];
        SctpControlMessages.WriteSendInfoBody(value, info);
        SetOption("setsockopt(SCTP_DEFAULT_SNDINFO)", SctpNative.SctpDefaultSndInfo, value);
    }

    /// <summary>One sendmsg of <paramref name="message"/> as one SCTP user message, without waiting.</summary>
    public unsafe SctpSendStatus TrySend(byte[] message, in SctpSendInfo info, out int errno)
    {
        // Control data on the stack and pinned buffers: a send allocates nothing (docs/bench-registrar.md).
        Span<byte> control = stackalloc byte[SctpControlMessages.SendInfoSpace];
        SctpControlMessages.WriteSendInfo(control, info);
        fixed (byte* data = message)
        fixed (byte* controlData = control)
        {
            var iov = new SctpNative.IoVec { Base = (IntPtr)data, Length = (nuint)message.Length };
            var header = new SctpNative.MessageHeader
            {
                Iov = (IntPtr)(&iov),
                IovLength = 1,
                Control = (IntPtr)controlData,
                ControlLength = (nuint)control.Length,
            };
            nint sent = SctpNative.SendMessage(_handle, ref header, SctpNative.MsgDontWait | SctpNative.MsgNoSignal);
            if (sent >= 0)
            {
                errno = 0;
                return SctpSendStatus.Sent;
            }
            errno = Marshal.GetLastPInvokeError();
            return errno is SctpNative.EAgain or SctpNative.EIntr ? SctpSendStatus.WouldBlock : SctpSendStatus.Failed;
        }
    }

    /// <summary>
    /// One recvmsg into <paramref name="buffer"/> from <paramref name="offset"/>, without waiting. A message longer
    /// than the room arrives in pieces; the last has <see cref="SctpReceiveResult.EndOfMessage"/>.
    /// </summary>
    public unsafe SctpReceiveResult TryReceive(byte[] buffer, int offset, byte[] control)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)offset, (uint)buffer.Length, nameof(offset));
        fixed (byte* data = buffer)
        fixed (byte* controlData = control)
        {
            var iov = new SctpNative.IoVec { Base = (IntPtr)(data + offset), Length = (nuint)(buffer.Length - offset) };
            var header = new SctpNative.MessageHeader
            {
                Iov = (IntPtr)(&iov),
                IovLength = 1,
                Control = (IntPtr)controlData,
                ControlLength = (nuint)control.Length,
            };
            nint read = SctpNative.ReceiveMessage(_handle, ref header, SctpNative.MsgDontWait);
            if (read < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                return errno is SctpNative.EAgain or SctpNative.EIntr
                    ? new SctpReceiveResult(SctpReceiveStatus.WouldBlock, 0, false, false, null)
                    : new SctpReceiveResult(SctpReceiveStatus.Failed, 0, false, false, null, errno);
            }
            if (read == 0 && (header.Flags & SctpNative.MsgNotification) == 0)
            {
                return new SctpReceiveResult(SctpReceiveStatus.Closed, 0, true, false, null);
            }
            bool notification = (header.Flags & SctpNative.MsgNotification) != 0;
            SctpReceiveInfo? info = !notification && SctpControlMessages.TryReadReceiveInfo(control.AsSpan(0, (int)header.ControlLength), out var rcv)
                ? rcv
                : null;
            return new SctpReceiveResult(SctpReceiveStatus.Received, (int)read, (header.Flags & SctpNative.MsgEor) != 0, notification, info);
        }
    }

    /// <summary>Waits until readable (or writable with <paramref name="write"/>) or <paramref name="timeout"/>; true when ready or hung up.</summary>
    public bool WaitReady(bool write, TimeSpan timeout) => Poll(write ? SctpNative.PollOut : SctpNative.PollIn, timeout);

    public IPEndPoint? LocalEndPoint => Name(SctpNative.GetSocketName);

    /// <summary>
    /// The primary peer address of association <paramref name="associationId"/> of a one-to-many socket
    /// (getsockopt SCTP_PRIMARY_ADDR, struct sctp_prim: assoc id, then a sockaddr_storage; RFC 6458 §8.1.8); null
    /// when the association is gone.
    /// </summary>
    public IPEndPoint? PeerPrimaryAddress(int associationId)
    {
        var value = new byte[sizeof(int) + SockaddrStorageLength];
        BitConverter.TryWriteBytes(value.AsSpan(0, 4), associationId);
        uint length = (uint)value.Length;
        try
        {
            return SctpNative.GetSocketOption(_handle, SctpNative.IpProtoSctp, SctpNative.SctpPrimaryAddr, value, ref length) == 0
                ? SocketAddressCodec.Decode(value.AsSpan(4, (int)Math.Min(length, (uint)value.Length) - 4))
                : null;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Ends association <paramref name="associationId"/> of a one-to-many socket: graceful SHUTDOWN (SCTP_EOF) or ABORT
    /// (SCTP_ABORT), sent as a data-less sendmsg naming the association (RFC 6458 §3.1.4, §5.3.4). False when the
    /// kernel refused (the association is already gone) or the socket is closed.
    /// </summary>
    public bool EndAssociation(int associationId, bool abort)
    {
        var info = new SctpSendInfo(0, 0, AssociationId: associationId, Flags: abort ? SctpSendFlags.Abort : SctpSendFlags.EndOfFile);
        try
        {
            return TrySend([], info, out _) == SctpSendStatus.Sent;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    public IPEndPoint? RemoteEndPoint => Name(SctpNative.GetPeerName);

    /// <summary>shutdown(SHUT_RDWR): starts the graceful SCTP SHUTDOWN; errors (already gone) are ignored.</summary>
    public void Shutdown()
    {
        if (!_handle.IsClosed)
        {
            _ = SctpNative.Shutdown(_handle, SctpNative.ShutRdWr);
        }
    }

    public void Dispose() => _handle.Dispose();

    private bool Poll(short events, TimeSpan timeout)
    {
        bool added = false;
        try
        {
            _handle.DangerousAddRef(ref added);
            var poll = new SctpNative.PollFd { Fd = _handle.Fd, Events = events };
            int result = SctpNative.Poll(ref poll, 1, (int)Math.Clamp(timeout.TotalMilliseconds, 0, int.MaxValue));
            return result > 0;
        }
        catch (ObjectDisposedException)
        {
            return true;
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    private const int SockaddrStorageLength = 128;

    private delegate int NameCall(SctpSocketHandle fd, byte[] address, ref uint length);

    private IPEndPoint? Name(NameCall call)
    {
        if (_handle.IsClosed)
        {
            return null;
        }
        var address = new byte[SocketAddressCodec.MaxLength];
        uint length = (uint)address.Length;
        return call(_handle, address, ref length) == 0 ? SocketAddressCodec.Decode(address.AsSpan(0, (int)Math.Min(length, (uint)address.Length))) : null;
    }

    private void SetOption(string call, int name, byte[] value) =>
        Check(call, SctpNative.SetSocketOption(_handle, SctpNative.IpProtoSctp, name, value, (uint)value.Length));

    private static void Check(string call, int result)
    {
        if (result < 0)
        {
            throw new SctpException(call, Marshal.GetLastPInvokeError());
        }
    }
}
