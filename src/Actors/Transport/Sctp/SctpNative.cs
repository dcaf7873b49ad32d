using System.Runtime.InteropServices;

namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// libc calls and constants for Linux kernel SCTP (RFC 6458 sockets API; values from linux/sctp.h and the x86-64 /
/// arm64 ABI). .NET's Socket constructor refuses protocol 132 before calling socket(2), so sockets are made and
/// used here and never wrapped in System.Net.Sockets.Socket.
/// </summary>
internal static class SctpNative
{
    public const int AfInet = 2;
    public const int AfInet6 = 10;
    public const int SockStream = 1;
    public const int SockSeqPacket = 5;
    public const int SockNonBlock = 0x800;
    public const int SockCloExec = 0x80000;
    public const int IpProtoSctp = 132;
    public const int SolSocket = 1;
    public const int SoError = 4;
    public const int SoReusePort = 15;

    // Socket options at level IPPROTO_SCTP (RFC 6458 §8).
    public const int SctpInitMsg = 2;
    public const int SctpNoDelay = 3;
    public const int SctpPrimaryAddr = 6;
    public const int SctpRecvRcvInfo = 32;
    public const int SctpDefaultSndInfo = 34;
    public const int SctpEvent = 127;

    // Ancillary data types at level IPPROTO_SCTP (RFC 6458 §5.3).
    public const int SctpCmsgSndInfo = 2;
    public const int SctpCmsgRcvInfo = 3;

    // recvmsg/sendmsg flags.
    public const int MsgCtrunc = 0x08;
    public const int MsgTrunc = 0x20;
    public const int MsgDontWait = 0x40;
    public const int MsgEor = 0x80;
    public const int MsgNoSignal = 0x4000;
    public const int MsgNotification = 0x8000;

    // errno values (Linux).
    public const int EIntr = 4;
    public const int EAgain = 11;
    public const int EInProgress = 115;
    public const int EProtoNoSupport = 93;
    public const int ESocktNoSupport = 94;
    public const int EAfNoSupport = 97;

    public const short PollIn = 0x001;
    public const short PollOut = 0x004;
    public const short PollErr = 0x008;
    public const short PollHup = 0x010;

    public const int ShutRdWr = 2;

    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public IntPtr Base;
        public nuint Length;
    }

    /// <summary>struct msghdr (56 bytes on 64-bit Linux).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct MessageHeader
    {
        public IntPtr Name;
        public uint NameLength;
        public IntPtr Iov;
        public nuint IovLength;
        public IntPtr Control;
        public nuint ControlLength;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }

    [DllImport("libc", EntryPoint = "socket", SetLastError = true)]
    public static extern int Socket(int domain, int type, int protocol);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    public static extern int Close(int fd);

    [DllImport("libc", EntryPoint = "bind", SetLastError = true)]
    public static extern int Bind(SctpSocketHandle fd, byte[] address, uint length);

    [DllImport("libc", EntryPoint = "listen", SetLastError = true)]
    public static extern int Listen(SctpSocketHandle fd, int backlog);

    [DllImport("libc", EntryPoint = "accept4", SetLastError = true)]
    public static extern int Accept4(SctpSocketHandle fd, IntPtr address, IntPtr length, int flags);

    [DllImport("libc", EntryPoint = "connect", SetLastError = true)]
    public static extern int Connect(SctpSocketHandle fd, byte[] address, uint length);

    [DllImport("libc", EntryPoint = "shutdown", SetLastError = true)]
    public static extern int Shutdown(SctpSocketHandle fd, int how);

    [DllImport("libc", EntryPoint = "sendmsg", SetLastError = true)]
    public static extern nint SendMessage(SctpSocketHandle fd, ref MessageHeader message, int flags);

    [DllImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    public static extern nint ReceiveMessage(SctpSocketHandle fd, ref MessageHeader message, int flags);

    [DllImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    public static extern int SetSocketOption(SctpSocketHandle fd, int level, int name, byte[] value, uint length);

    [DllImport("libc", EntryPoint = "getsockopt", SetLastError = true)]
    public static extern int GetSocketOption(SctpSocketHandle fd, int level, int name, byte[] value, ref uint length);

    [DllImport("libc", EntryPoint = "getsockname", SetLastError = true)]
    public static extern int GetSocketName(SctpSocketHandle fd, byte[] address, ref uint length);

    [DllImport("libc", EntryPoint = "getpeername", SetLastError = true)]
    public static extern int GetPeerName(SctpSocketHandle fd, byte[] address, ref uint length);

    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static extern int Poll(ref PollFd fds, nuint count, int timeoutMilliseconds);
}
