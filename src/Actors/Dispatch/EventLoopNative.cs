using System.Runtime.InteropServices;

namespace RSerPool.Actors.Dispatch;

/// <summary>Linux calls of <see cref="EventLoopExecutor"/>: poll(2) and an eventfd(2) to wake it.</summary>
internal static partial class EventLoopNative
{
    public const short PollIn = 0x001;
    public const short PollErr = 0x008;
    public const short PollHup = 0x010;
    public const short PollNval = 0x020;
    public const int EintrErrno = 4;
    public const int EagainErrno = 11;
    private const int EfdCloexec = 0x80000;
    private const int EfdNonblock = 0x800;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static unsafe partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    private static partial int EventFd(uint initialValue, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint Read(int fd, void* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint Write(int fd, void* buffer, nuint count);

    /// <summary>A non-blocking eventfd, or -1 with the errno.</summary>
    public static int CreateWakeFd() => EventFd(0, EfdCloexec | EfdNonblock);

    /// <summary>Adds one to the eventfd's counter: a poll on it returns.</summary>
    public static unsafe void Signal(int fd)
    {
        ulong one = 1;
        _ = Write(fd, &one, sizeof(ulong));   // EAGAIN only when the counter is at its maximum: it is readable then anyway
    }

    /// <summary>Resets the eventfd's counter.</summary>
    public static unsafe void Drain(int fd)
    {
        ulong value;
        _ = Read(fd, &value, sizeof(ulong));
    }
}
