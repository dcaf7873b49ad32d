using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Akka.Dispatch;
using Akka.Event;
using Microsoft.Win32.SafeHandles;

namespace RSerPool.Actors.Dispatch;

/// <summary>
/// An Akka.NET executor of one dedicated thread that also polls sockets (<see cref="IEventLoopReader"/>) between the
/// actor turns it runs, as RSPLIB's registrar does on its one thread (poll, recvmsg, handle, sendmsg). The actors on
/// its dispatcher hand messages to each other without waking a thread, and a socket read on the loop reaches them the
/// same way: no thread wake-up per request (docs/bench-registrar.md, issue 14). Other threads (the scheduler, actors
/// on other dispatchers) wake the loop through an eventfd only while it sleeps in poll. Sockets are polled on Linux
/// only (<see cref="PollsSockets"/>); elsewhere the loop is a plain one-thread executor waiting on an event.
/// Hand-written because neither Akka.NET's executors nor the .NET thread pool wait on a socket and a work queue at once.
/// </summary>
internal sealed class EventLoopExecutor : ExecutorService
{
    // Turns run before the sockets are polled again (without waiting) while work is queued: reads are not starved.
    private const int TurnsPerPoll = 256;

    [ThreadStatic]
    private static EventLoopExecutor? t_current;

    private readonly ConcurrentQueue<IRunnable> _queue = new();
    private readonly List<IEventLoopReader> _readers = [];
    private readonly EventStream? _eventStream;
    private readonly Thread _thread;
    // The eventfd; a SafeHandle so that a producer signalling while the loop ends never writes to a closed (and maybe
    // reused) descriptor: the close waits for the write, and a write after it finds the handle disposed.
    private readonly SafeFileHandle? _wakeHandle;
    private readonly int _wakeFd = -1;
    private readonly AutoResetEvent? _wakeEvent;
    private EventLoopNative.PollFd[] _pollFds = [];
    // The readers of _pollFds[1..], in that order (rebuilt with it, not per poll).
    private IEventLoopReader[] _polledReaders = [];
    private bool _pollFdsStale = true;
    private int _sleeping;
    private volatile bool _shutdown;

    public EventLoopExecutor(string id, EventStream? eventStream) : base(id)
    {
        _eventStream = eventStream;
        if (OperatingSystem.IsLinux())
        {
            _wakeFd = EventLoopNative.CreateWakeFd();
            if (_wakeFd < 0)
            {
                throw new InvalidOperationException($"eventfd failed (errno {Marshal.GetLastPInvokeError()})");
            }

            _wakeHandle = new SafeFileHandle(_wakeFd, ownsHandle: true);
        }
        else
        {
            _wakeEvent = new AutoResetEvent(false);
        }

        _thread = new Thread(Loop) { IsBackground = true, Name = id };
        _thread.Start();
    }

    /// <summary>The executor whose thread runs the caller, if any: an actor on its dispatcher registers its socket there.</summary>
    public static EventLoopExecutor? Current => t_current;

    /// <summary>Whether <see cref="Register"/> works here (Linux: poll and eventfd).</summary>
    public bool PollsSockets => _wakeFd >= 0;

    public override void Execute(IRunnable run)
    {
        if (_shutdown)
        {
            throw new RejectedExecutionException($"event loop {Id} is shut down");
        }

        _queue.Enqueue(run);
        if (Volatile.Read(ref _sleeping) == 1 && Interlocked.Exchange(ref _sleeping, 0) == 1)
        {
            Wake();
        }
    }

    public override void Shutdown()
    {
        _shutdown = true;
        Wake();
    }

    private void Wake()
    {
        if (_wakeHandle is null)
        {
            try
            {
                _wakeEvent!.Set();
            }
            catch (ObjectDisposedException)
            {
                // The loop has ended: nothing to wake.
            }

            return;
        }

        bool added = false;
        try
        {
            _wakeHandle.DangerousAddRef(ref added);
            EventLoopNative.Signal(_wakeFd);
        }
        catch (ObjectDisposedException)
        {
            // The loop has ended: nothing to wake.
        }
        finally
        {
            if (added)
            {
                _wakeHandle.DangerousRelease();
            }
        }
    }

    /// <summary>Polls <paramref name="reader"/>'s socket from now on. Only on the loop's thread.</summary>
    public void Register(IEventLoopReader reader)
    {
        EnsureLoopThread();
        if (!PollsSockets)
        {
            throw new PlatformNotSupportedException("the event loop polls sockets on Linux only");
        }

        bool added = false;
        reader.Handle.DangerousAddRef(ref added);
        _readers.Add(reader);
        _pollFdsStale = true;
    }

    /// <summary>
    /// Stops polling <paramref name="reader"/>'s socket (before it is closed). Only on the loop's thread. False when it
    /// was not polled (never registered, or its reader said it was done).
    /// </summary>
    public bool Unregister(IEventLoopReader reader)
    {
        EnsureLoopThread();
        if (!_readers.Remove(reader))
        {
            return false;
        }

        reader.Handle.DangerousRelease();
        _pollFdsStale = true;
        return true;
    }

    private void EnsureLoopThread()
    {
        if (t_current != this)
        {
            throw new InvalidOperationException($"event loop {Id}: sockets are registered on its own thread only");
        }
    }

    private void Loop()
    {
        t_current = this;
        try
        {
            while (!_shutdown)
            {
                int turns = 0;
                while (turns < TurnsPerPoll && _queue.TryDequeue(out IRunnable? run))
                {
                    Run(run);
                    turns++;
                }

                bool idle = _queue.IsEmpty;
                if (idle)
                {
                    // Announce the sleep, then look once more: a producer that enqueued before seeing it is found here.
                    Interlocked.Exchange(ref _sleeping, 1);
                    idle = _queue.IsEmpty && !_shutdown;
                }

                if (_wakeEvent is not null)
                {
                    if (idle)
                    {
                        _wakeEvent.WaitOne();
                    }
                }
                else if (idle || _readers.Count > 0)
                {
                    PollOnce(idle ? -1 : 0);
                }

                Volatile.Write(ref _sleeping, 0);
            }

            // Akka shuts a dispatcher's executor down once its actors are gone; what is left still runs.
            while (_queue.TryDequeue(out IRunnable? rest))
            {
                Run(rest);
            }
        }
        finally
        {
            foreach (IEventLoopReader reader in _readers)
            {
                reader.Handle.DangerousRelease();
            }

            _readers.Clear();
            _wakeHandle?.Dispose();
            _wakeEvent?.Dispose();
            t_current = null;
        }
    }

    private void Run(IRunnable run)
    {
        try
        {
            run.Run();
        }
        catch (Exception e)
        {
            // A mailbox handles its actor's failures itself: whatever gets here is a bug, reported, and the loop goes on.
            _eventStream?.Publish(new Error(e, Id, typeof(EventLoopExecutor), "event loop: a task failed"));
        }
    }

    private unsafe void PollOnce(int timeoutMilliseconds)
    {
        if (_pollFdsStale)
        {
            _polledReaders = [.. _readers];
            _pollFds = new EventLoopNative.PollFd[_readers.Count + 1];
            _pollFds[0] = new EventLoopNative.PollFd { Fd = _wakeFd, Events = EventLoopNative.PollIn };
            for (int i = 0; i < _readers.Count; i++)
            {
                _pollFds[i + 1] = new EventLoopNative.PollFd { Fd = (int)_readers[i].Handle.DangerousGetHandle(), Events = EventLoopNative.PollIn };
            }

            _pollFdsStale = false;
        }

        int ready;
        fixed (EventLoopNative.PollFd* fds = _pollFds)
        {
            ready = EventLoopNative.Poll(fds, (nuint)_pollFds.Length, timeoutMilliseconds);
        }

        // Awake again: what the readers below hand to actors on this loop must not signal the eventfd.
        Volatile.Write(ref _sleeping, 0);
        if (ready <= 0)
        {
            return;   // timeout, or EINTR: the loop comes round again
        }

        if (_pollFds[0].Revents != 0)
        {
            EventLoopNative.Drain(_wakeFd);
        }

        // Readers called may register or unregister others (which rebuilds the arrays): work on this poll's.
        IEventLoopReader[] readers = _polledReaders;
        EventLoopNative.PollFd[] polled = _pollFds;
        for (int i = 0; i < readers.Length; i++)
        {
            if (polled[i + 1].Revents == 0 || !_readers.Contains(readers[i]))
            {
                continue;
            }

            bool keep;
            try
            {
                keep = readers[i].OnReadable();
            }
            catch (Exception e)
            {
                _eventStream?.Publish(new Error(e, Id, typeof(EventLoopExecutor), "event loop: a socket reader failed; it is no longer polled"));
                keep = false;
            }

            if (!keep)
            {
                Unregister(readers[i]);
            }
        }
    }
}
