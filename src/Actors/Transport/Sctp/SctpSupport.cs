using System.Runtime.InteropServices;

namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// Run-time detection of kernel SCTP: tries socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP) once. Kernels without SCTP
/// answer EPROTONOSUPPORT; then <see cref="IsAvailable"/> is false and <see cref="Reason"/> says why. Never throws.
/// </summary>
public static class SctpSupport
{
    private static readonly Lazy<(bool Available, string Reason)> Probe = new(Detect);

    public static bool IsAvailable => Probe.Value.Available;

    /// <summary>Why SCTP is (not) available, for the one log line hosts write.</summary>
    public static string Reason => Probe.Value.Reason;

    private static (bool, string) Detect()
    {
        if (!OperatingSystem.IsLinux())
        {
            return (false, "kernel SCTP is used on Linux only");
        }
        try
        {
            int fd = SctpNative.Socket(SctpNative.AfInet, SctpNative.SockStream | SctpNative.SockCloExec, SctpNative.IpProtoSctp);
            if (fd >= 0)
            {
                SctpNative.Close(fd);
                return (true, "kernel SCTP available");
            }
            int errno = Marshal.GetLastPInvokeError();
            string text = errno switch
            {
                SctpNative.EProtoNoSupport or SctpNative.ESocktNoSupport or SctpNative.EAfNoSupport => "the kernel has no SCTP",
                _ => "SCTP socket refused",
            };
            return (false, $"{text}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return (false, $"libc socket() unavailable: {e.Message}");
        }
    }
}
