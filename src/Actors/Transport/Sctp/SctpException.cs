using System.Runtime.InteropServices;

namespace RSerPool.Actors.Transport.Sctp;

/// <summary>A failed SCTP socket call: which call, the errno and its text.</summary>
public sealed class SctpException : IOException
{
    public SctpException(string call, int errno)
        : base($"{call}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})")
    {
        Call = call;
        Errno = errno;
    }

    public string Call { get; }

    public int Errno { get; }
}
