using System.Runtime.InteropServices;

namespace RSerPool.Actors.Transport.Sctp;

/// <summary>Owns one kernel SCTP socket descriptor; closed when the last user (P/Invoke call or loop) releases it.</summary>
internal sealed class SctpSocketHandle : SafeHandle
{
    public SctpSocketHandle()
        : base(new IntPtr(-1), ownsHandle: true)
    {
    }

    public SctpSocketHandle(int fd)
        : base(new IntPtr(-1), ownsHandle: true)
    {
        SetHandle(new IntPtr(fd));
    }

    public override bool IsInvalid => handle.ToInt64() < 0;

    public int Fd => (int)handle.ToInt64();

    protected override bool ReleaseHandle() => SctpNative.Close((int)handle.ToInt64()) == 0;
}
