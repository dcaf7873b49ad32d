using System.Runtime.InteropServices;

namespace RSerPool.Actors.Dispatch;

/// <summary>
/// A socket an <see cref="EventLoopExecutor"/> polls for reading between the actor turns it runs, on its own thread.
/// </summary>
internal interface IEventLoopReader
{
    /// <summary>The socket (a file descriptor polled for POLLIN).</summary>
    SafeHandle Handle { get; }

    /// <summary>
    /// Reads what the socket has, a bounded amount per call (the loop polls again while data is left). Returns false
    /// when the reader is done (the socket ended): the loop then forgets it.
    /// </summary>
    bool OnReadable();
}
