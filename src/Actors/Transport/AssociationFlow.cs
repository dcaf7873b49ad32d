namespace RSerPool.Actors.Transport;

/// <summary>
/// What a stream association's read loop, write loop and actor share to keep every queue on the path bounded: the
/// requests read and not yet answered (in flight), the bytes queued for sending, progress counters the actor's
/// liveness check reads, and the <see cref="ReadGate"/> the read loop waits on while it must not read (backpressure).
/// Counters change with interlocked operations; whoever lowers one pulses the gate.
/// </summary>
internal sealed class AssociationFlow(AssociationSettings settings)
{
    private int _inFlight;
    private long _pendingSendBytes;
    private long _bytesWritten;
    private long _framesRead;
    private long _requestsRead;
    private long _partialFrame;
    private long _partialFrames;
    private volatile bool _throttled;

    public ReadGate Gate { get; } = new();

    /// <summary>Requests (and frames to answer with an Error) read and not yet answered.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Bytes encoded and queued but not yet handed to the kernel.</summary>
    public long PendingSendBytes => Interlocked.Read(ref _pendingSendBytes);

    /// <summary>Bytes handed to the kernel since the association started.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Complete frames read since the association started (valid or not).</summary>
    public long FramesRead => Interlocked.Read(ref _framesRead);

    /// <summary>Requests read since the association started (the answers owed, in order).</summary>
    public long RequestsRead => Interlocked.Read(ref _requestsRead);

    /// <summary>A number naming the frame that has started but not completed; 0 when none has.</summary>
    public long PartialFrame => Interlocked.Read(ref _partialFrame);

    /// <summary>
    /// True while the read loop may read on: fewer requests in flight than the bound and the peer drains its answers
    /// (backpressure: a peer that sends and never reads stops being read, so nothing queues up behind it), and the
    /// peer is not paused for going over a rate limit.
    /// </summary>
    public bool CanRead() => !_throttled && InFlight < settings.MaxInFlightRequests && PendingSendBytes <= settings.PauseReadingAboveBytes;

    /// <summary>Reading pauses until <see cref="EndThrottle"/> (<see cref="ThrottleReading"/>); false when it already was.</summary>
    public bool Throttle()
    {
        bool was = _throttled;
        _throttled = true;
        return !was;
    }

    /// <summary>A rate-limit pause is over: reading may resume.</summary>
    public void EndThrottle()
    {
        _throttled = false;
        Gate.Pulse();
    }

    public void FrameRead() => Interlocked.Increment(ref _framesRead);

    /// <summary>A request was read: one more answer owed. Returns how many requests were read before it.</summary>
    public long RequestRead()
    {
        Interlocked.Increment(ref _inFlight);
        return Interlocked.Increment(ref _requestsRead) - 1;
    }

    /// <summary>A frame to answer with an Error (or to log) was read: it is in flight until the actor handled it.</summary>
    public void ReplyOwed() => Interlocked.Increment(ref _inFlight);

    /// <summary>One request answered (or one Error frame handled): reading may resume.</summary>
    public void Answered()
    {
        int current;
        do
        {
            current = Volatile.Read(ref _inFlight);
            if (current == 0)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _inFlight, current - 1, current) != current);
        Gate.Pulse();
    }

    /// <summary>Bytes queued for sending; returns the bytes now pending.</summary>
    public long Queued(int bytes) => Interlocked.Add(ref _pendingSendBytes, bytes);

    /// <summary>Bytes handed to the kernel by the write loop.</summary>
    public void Written(int bytes)
    {
        Interlocked.Add(ref _bytesWritten, bytes);
        Interlocked.Add(ref _pendingSendBytes, -bytes);
        Gate.Pulse();
    }

    /// <summary>The read loop's buffer ends in a frame not yet complete; <paramref name="newFrame"/>: another than before.</summary>
    public void PartialFrameLeft(bool newFrame)
    {
        if (newFrame || PartialFrame == 0)
        {
            Interlocked.Exchange(ref _partialFrame, Interlocked.Increment(ref _partialFrames));
        }
    }

    /// <summary>The read loop's buffer holds no started frame.</summary>
    public void NoPartialFrame() => Interlocked.Exchange(ref _partialFrame, 0);
}
