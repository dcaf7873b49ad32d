using System.Runtime.InteropServices;
using RSerPool.Actors.Dispatch;

namespace RSerPool.Actors.Transport.Sctp;

/// <summary>A one-to-many SCTP socket's reads on an <see cref="EventLoopExecutor"/> (<see cref="SctpOneToManyReadLoop.Attach"/>).</summary>
internal sealed class SctpOneToManyLoopReader(SctpSocket socket, SctpOneToManyReadLoop loop) : IEventLoopReader
{
    // One message per poll, as RSPLIB reads: a second recvmsg right away finds EAGAIN when requests come one at a time
    // (a closed loop, as at one association), and the loop polls anyway before it sleeps; while messages queue up, the
    // loop's poll finds the socket readable again at once (issue 14, docs/bench-registrar.md).
    private const int ReadsPerPoll = 1;

    public SafeHandle Handle => socket.Handle;

    public bool OnReadable()
    {
        try
        {
            return loop.ReadAvailable(ReadsPerPoll, CancellationToken.None, out _);
        }
        catch (ObjectDisposedException)
        {
            return false;   // the listener closed the socket
        }
    }
}
