// The live page's feed (/events, docs/metrics.md "Live view"): while a page is open, the registrar's status is read
// every rserpool.registrar.status-events-interval; a change is sent to every page as a server-sent event, with the
// registrations, removals and takeovers found by comparing the PEs with the previous read.
using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;

namespace RSerPool.Hosts.Status;

/// <summary>Reads the status while anyone listens, derives <see cref="LiveEvent"/>s, and hands each change to every subscriber.</summary>
public sealed class LiveFeed(Func<CancellationToken, Task<RegistrarStatus>> read, TimeSpan interval, TimeProvider clock) : IAsyncDisposable
{
    /// <summary>Recent changes kept and sent with every update.</summary>
    public const int RecentEvents = 50;

    private static readonly JsonSerializerOptions CompactJson = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<Channel<string>, bool> _subscribers = new();
    private readonly LinkedList<LiveEvent> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private Task? _loop;
    private Dictionary<(string Pool, string Element), PoolElementStatus>? _previous;
    private string? _latest;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts reading every interval (a read happens only while someone subscribed).</summary>
    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>
    /// The update messages (JSON) for one page: the latest at once if there is one, then each change, until
    /// <paramref name="cancel"/>. A subscriber too slow to take them loses the oldest (the next has everything).
    /// </summary>
    public async IAsyncEnumerable<string> SubscribeAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(4) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscribers[channel] = true;
        try
        {
            if (Volatile.Read(ref _latest) is { } latest)
            {
                yield return latest;
            }
            else
            {
                _wake.TrySetResult();   // the first page: read now, not after an interval
            }

            await foreach (string update in channel.Reader.ReadAllAsync(cancel).ConfigureAwait(false))
            {
                yield return update;
            }
        }
        finally
        {
            _subscribers.TryRemove(channel, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is { } loop)
        {
            try
            {
                await loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // stopped
            }
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            var wake = _wake;
            await Task.WhenAny(Task.Delay(interval, clock, cancel), wake.Task).ConfigureAwait(false);
            cancel.ThrowIfCancellationRequested();
            if (wake.Task.IsCompleted)
            {
                _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            if (_subscribers.IsEmpty)
            {
                // Nobody watches: nothing read; the next page starts from a fresh read (no changes made up from an old one).
                _previous = null;
                Volatile.Write(ref _latest, null);
                continue;
            }

            RegistrarStatus status;
            try
            {
                status = await read(cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TimeoutException or Akka.Actor.AkkaException)
            {
                continue;   // the registrar is busy or stopping: try again next interval
            }

            string update = Publish(status);
            if (update != _latest)
            {
                Volatile.Write(ref _latest, update);
                foreach (var subscriber in _subscribers.Keys)
                {
                    subscriber.Writer.TryWrite(update);
                }
            }
        }
    }

    // The update message of this read; the changes since the previous read are added to the recent events.
    private string Publish(RegistrarStatus status)
    {
        var current = status.Pools.SelectMany(pool => pool.Elements.Select(pe => (Key: (pool.Handle, pe.Identifier), Element: pe)))
            .ToDictionary(entry => entry.Key, entry => entry.Element);
        DateTimeOffset now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_previous is { } previous)
            {
                foreach (var ((pool, id), pe) in current)
                {
                    if (!previous.TryGetValue((pool, id), out PoolElementStatus? before))
                    {
                        Add(new LiveEvent(now, "registered", pool, id, $"{(pe.Home ? "home" : "owner " + pe.Owner)}, {pe.UserTransport}, {pe.Policy}"));
                    }
                    else if (before.Owner != pe.Owner)
                    {
                        Add(new LiveEvent(now, "taken over", pool, id, $"owner {before.Owner} → {pe.Owner}"));
                    }
                }

                foreach (var ((pool, id), pe) in previous)
                {
                    if (!current.ContainsKey((pool, id)))
                    {
                        Add(new LiveEvent(now, "removed", pool, id, $"was {(pe.Home ? "home" : "owner " + pe.Owner)}, {pe.UserTransport}"));
                    }
                }
            }

            _previous = current;
            return JsonSerializer.Serialize(new LiveUpdate(status, [.. _events]), CompactJson);
        }
    }

    private void Add(LiveEvent change)
    {
        _events.AddFirst(change);
        if (_events.Count > RecentEvents)
        {
            _events.RemoveLast();
        }
    }
}
