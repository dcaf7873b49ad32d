// A registered PE as the application sees it (rsp_register / rsp_deregister of the sockets API draft; RFC 5352 §3.1-§3.2).
using Akka.Actor;
using RSerPool.Actors.PoolElements;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Api;

/// <summary>
/// A PE kept registered by its actor (re-registration, keep-alive acks, moving between registrars) until
/// <see cref="DeregisterAsync"/> or dispose. Thread-safe.
/// </summary>
public sealed class PoolElementRegistration : IAsyncDisposable
{
    private readonly TaskCompletionSource _firstOutcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeSpan _deregistrationTimeout;
    private readonly Action<PoolElementRegistration> _onEnded;
    private IActorRef _actor = ActorRefs.Nobody;
    private IActorRef _observer = ActorRefs.Nobody;
    private ActorSystem? _system;
    private volatile PoolElementStatusChanged _last;
    private int _ended;

    internal PoolElementRegistration(PoolHandle poolHandle, uint identifier, TimeSpan deregistrationTimeout, Action<PoolElementRegistration> onEnded)
    {
        PoolHandle = poolHandle;
        Identifier = identifier;
        _deregistrationTimeout = deregistrationTimeout;
        _onEnded = onEnded;
        _last = new PoolElementStatusChanged(poolHandle, identifier, PoolElementStatus.Registering, 0);
    }

    /// <summary>Raised on the node's actor thread for every status change (registered, moving, new home, rejected, deregistered).</summary>
    public event EventHandler<PoolElementStatusChanged>? StatusChanged;

    public PoolHandle PoolHandle { get; }

    /// <summary>The PE Identifier (RFC 5352: random, non-zero, kept across re-registrations).</summary>
    public uint Identifier { get; }

    public PoolElementStatus Status => _last.Status;

    /// <summary>Server ID of the home registrar; 0 while unknown.</summary>
    public uint HomeServerId => _last.HomeServerId;

    /// <summary>The PE actor (pe-&lt;handle&gt;-&lt;id&gt; under the node).</summary>
    public IActorRef Actor => _actor;

    internal Task FirstOutcome => _firstOutcome.Task;

    /// <summary>Sets the load of a load-based policy (0 = idle … 0xFFFFFFFF = full) and re-registers at once when it changed.</summary>
    public void UpdateLoad(uint load) => _actor.Tell(new UpdatePoolElementLoad(load), ActorRefs.NoSender);

    /// <summary>
    /// Deregisters (RFC 5352 §3.2) and stops the PE; true when the registrar confirmed in time. Completes as soon as the
    /// PE actor answers or terminates, at the latest after <see cref="RSerPoolNodeOptions.DeregistrationTimeout"/>.
    /// </summary>
    public async Task<bool> DeregisterAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return false;
        }

        bool confirmed = false;
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            // An Ask to an actor that stops before answering (the node stopping, a PE already gone) waits out its whole
            // timeout in Akka; death watch ends the wait when the PE terminates instead, unconfirmed.
            Task<bool> terminated = _actor.WatchAsync(done.Token);
            Task<PoolElementDeregistered> answer = _actor.Ask<PoolElementDeregistered>(DeregisterPoolElement.Instance, _deregistrationTimeout, done.Token);
            await Task.WhenAny(answer, terminated).ConfigureAwait(false);
            if (!answer.IsCompleted)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return false;                                                 // terminated without answering
            }

            confirmed = (await answer.ConfigureAwait(false)).Confirmed;       // the PE answers before it stops
            return confirmed;
        }
        catch (AskTimeoutException)
        {
            _system?.Stop(_actor);
            return false;
        }
        finally
        {
            done.Cancel();                                                    // ends the watch or the pending ask
            // The observer may still hold the actor's last events: the final status is set here, and later ones are dropped.
            OnStatus(new PoolElementStatusChanged(PoolHandle, Identifier, PoolElementStatus.Deregistered, HomeServerId, confirmed ? null : "not confirmed by the registrar"));
            _system?.Stop(_observer);
            _onEnded(this);
        }
    }

    public async ValueTask DisposeAsync() => await DeregisterAsync().ConfigureAwait(false);

    internal void Attach(ActorSystem system, IActorRef actor, IActorRef observer)
    {
        _system = system;
        _actor = actor;
        _observer = observer;
    }

    internal void OnStatus(PoolElementStatusChanged changed)
    {
        lock (_firstOutcome)
        {
            if (_last.Status == PoolElementStatus.Deregistered)
            {
                return;
            }

            _last = changed;
        }

        if (changed.Status == PoolElementStatus.Registered)
        {
            _firstOutcome.TrySetResult();
        }
        else if (changed.Status is PoolElementStatus.Rejected or PoolElementStatus.Deregistered)
        {
            _firstOutcome.TrySetException(new RSerPoolException($"registration of PE 0x{Identifier:x8} in pool {PoolHandle} {(changed.Status == PoolElementStatus.Rejected ? "rejected" : "ended")}: {changed.Reason}"));
        }

        StatusChanged?.Invoke(this, changed);
    }
}
