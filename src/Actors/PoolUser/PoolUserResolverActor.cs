// Pool user basic mode (RFC 5352 §3.3 handle resolution, §3.5 unreachable reports;
// services draft §4.4 GET_PRIMARY_SERVER / GET_NEXT_SERVER / pool info).
using System.Collections.Immutable;
using RSerPool.Actors.Handlespace;
using Akka.Actor;
using RSerPool.Actors.Time;
using Akka.Event;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using RSerPool.Actors.RegistrarClient;

namespace RSerPool.Actors.PoolUser;

/// <summary>
/// The PU's resolver, one per process. Keeps a cache of resolved PEs (a <see cref="PoolHandlespace"/> whose entries
/// expire after <see cref="PoolUserSettings.StaleCacheTime"/>) and selects among them by the pool's own policy, as a
/// registrar would (RFC 5352 §3.3). A selection the cache cannot serve (expired, empty, or everything excluded)
/// sends one Handle Resolution per pool through the <see cref="RegistrarClientActor"/>; every waiting request is
/// served from its answer. Reported PEs leave the cache, are skipped for
/// <see cref="PoolUserSettings.UnreachableExclusionTime"/>, and are reported to the registrar with Endpoint
/// Unreachable at most once per <see cref="PoolUserSettings.MinUnreachableReportInterval"/>; a report that leaves fewer
/// than two usable PEs of the pool cached refreshes the pool in the background.
/// </summary>
public sealed class PoolUserResolverActor : ReceiveActor
{
    // The system's clock (RSerPoolClock), looked up once.
    private readonly TimeProvider _clock = Context.System.Clock;
    private readonly PoolUserSettings _settings;
    private readonly IActorRef _client;
    private readonly ILoggingAdapter _log;
    private readonly PoolHandlespace _cache = new(new HandlespaceSettings { MaxIncrement = 1, MaxPoolHandleLength = ushort.MaxValue });
    private readonly Dictionary<PoolHandle, List<ResolutionWaiter>> _waiting = [];
    private readonly HashSet<PoolHandle> _resolving = [];
    private readonly Dictionary<(PoolHandle Handle, uint Identifier), DateTimeOffset> _excludedUntil = [];
    private readonly Dictionary<(PoolHandle Handle, uint Identifier), DateTimeOffset> _lastReport = [];
    private readonly List<PoolElementEntry> _expired = [];

    public PoolUserResolverActor(PoolUserSettings settings, IActorRef registrarClient)
    {
        _settings = settings;
        _client = registrarClient;
        _log = Context.GetLogger();

        Receive<SelectPoolElement>(select => Select(select, Sender));
        Receive<GetPoolInfo>(info => Wait(info.Handle, new ResolutionWaiter(Sender, Excluding: null)));
        Receive<ReportPoolElementUnreachable>(Report);
        Receive<RegistrarReply>(reply => reply.Response is AsapHandleResolutionResponse response, reply => OnResolved((AsapHandleResolutionResponse)reply.Response));
        Receive<RegistrarRequestFailed>(failed => failed.Request is AsapHandleResolution, OnFailed);
    }

    public static Props Props(PoolUserSettings settings, IActorRef registrarClient) =>
        Akka.Actor.Props.Create(() => new PoolUserResolverActor(settings, registrarClient));

    private DateTimeOffset Now => _clock.GetUtcNow();

    private void Select(SelectPoolElement select, IActorRef replyTo)
    {
        ExpireCache();
        if (TryChoose(select.Handle, select.Excluding, out PoolElement? element))
        {
            replyTo.Tell(new PoolElementSelected(select.Handle, element), Self);
            return;
        }

        Wait(select.Handle, new ResolutionWaiter(replyTo, select.Excluding.IsDefault ? [] : select.Excluding));
    }

    private void Wait(PoolHandle handle, ResolutionWaiter waiter)
    {
        if (!_waiting.TryGetValue(handle, out List<ResolutionWaiter>? waiting))
        {
            waiting = [];
            _waiting.Add(handle, waiting);
        }

        if (waiting.Count >= _settings.MaxWaitingPerPool)
        {
            waiter.ReplyTo.Tell(new PoolElementSelectionFailed(handle, "too many requests waiting for this pool", UnknownPoolHandle: false), Self);
            return;
        }

        waiting.Add(waiter);
        if (_resolving.Add(handle))
        {
            _client.Tell(new RegistrarRequest(new AsapHandleResolution(handle, _settings.HandleResolutionItems)), Self);
        }
    }

    // RFC 5352 §3.3: refresh the cache with the answer, then select from the cache.
    private void OnResolved(AsapHandleResolutionResponse response)
    {
        PoolHandle handle = response.PoolHandle;
        _resolving.Remove(handle);
        if (response.Error is not null || response.PoolElements.IsEmpty)
        {
            DropPool(handle);
            bool unknown = response.Error is null || response.Error.Causes.Any(c => c.Code == ErrorCauseCode.UnknownPoolHandle);
            FailWaiting(handle, unknown ? "the registrar knows no PE of this pool" : "the registrar refused the handle resolution", unknown);
            return;
        }

        Refresh(handle, response.PoolElements);
        if (!_waiting.Remove(handle, out List<ResolutionWaiter>? waiting))
        {
            return;
        }

        foreach (ResolutionWaiter waiter in waiting)
        {
            if (waiter.Excluding is not { } excluding)
            {
                waiter.ReplyTo.Tell(new PoolInfo(handle, response.Policy, [.. response.PoolElements]), Self);
            }
            else if (TryChoose(handle, excluding, out PoolElement? element))
            {
                waiter.ReplyTo.Tell(new PoolElementSelected(handle, element), Self);
            }
            else
            {
                waiter.ReplyTo.Tell(new PoolElementSelectionFailed(handle, "every PE of the pool is excluded or was reported unreachable", UnknownPoolHandle: false), Self);
            }
        }
    }

    private void OnFailed(RegistrarRequestFailed failed)
    {
        PoolHandle handle = ((AsapHandleResolution)failed.Request).PoolHandle;
        _resolving.Remove(handle);
        if (failed.AssociationLost && _waiting.ContainsKey(handle))
        {
            // The client hunts for the next registrar and sends this then.
            _resolving.Add(handle);
            _client.Tell(new RegistrarRequest(failed.Request), Self);
            return;
        }

        FailWaiting(handle, $"no registrar answered: {failed.Reason}", unknownPoolHandle: false);
    }

    private void FailWaiting(PoolHandle handle, string reason, bool unknownPoolHandle)
    {
        if (_waiting.Remove(handle, out List<ResolutionWaiter>? waiting))
        {
            foreach (ResolutionWaiter waiter in waiting)
            {
                waiter.ReplyTo.Tell(new PoolElementSelectionFailed(handle, reason, unknownPoolHandle), Self);
            }
        }
    }

    private void Refresh(PoolHandle handle, Wire.ValueArray<PoolElement> elements)
    {
        long expiresAt = (Now + _settings.StaleCacheTime).ToUnixTimeMilliseconds();
        var returned = new HashSet<uint>();
        foreach (PoolElement element in elements)
        {
            returned.Add(element.Identifier);
            if (!_cache.Register(handle, element, element.HomeServerIdentifier, 0, expiresAt).IsAccepted)
            {
                // The pool changed its policy or transport: start the cached pool afresh.
                DropPool(handle);
                _cache.Register(handle, element, element.HomeServerIdentifier, 0, expiresAt);
            }
        }

        if (_cache.TryGetPool(handle, out Pool? pool))
        {
            foreach (PoolElementEntry gone in pool.Elements.Where(e => !returned.Contains(e.Identifier)).ToList())
            {
                _cache.Remove(gone);
            }
        }
    }

    private bool TryChoose(PoolHandle handle, ImmutableArray<uint> excluding, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PoolElement? element)
    {
        element = null;
        if (!_cache.TryGetPool(handle, out Pool? pool))
        {
            return false;
        }

        var selected = new PoolElementEntry[pool.Count];
        int count = pool.Select(selected);
        DateTimeOffset now = Now;
        for (int i = 0; i < count; i++)
        {
            PoolElementEntry entry = selected[i];
            bool excluded = !excluding.IsDefault && excluding.Contains(entry.Identifier);
            bool quarantined = _excludedUntil.TryGetValue((handle, entry.Identifier), out DateTimeOffset until) && until > now;
            if (!excluded && !quarantined)
            {
                element = entry.ToPoolElement();
                return true;
            }
        }

        return false;
    }

    // RFC 5352 §3.5: drop from the cache, report to the registrar (rate-limited).
    private void Report(ReportPoolElementUnreachable report)
    {
        var key = (report.Handle, report.Identifier);
        DateTimeOffset now = Now;
        bool cached = _cache.TryGetPool(report.Handle, out _);
        _cache.Remove(report.Handle, report.Identifier);
        _excludedUntil[key] = now + _settings.UnreachableExclusionTime;
        foreach (var old in _excludedUntil.Where(e => e.Value <= now).Select(e => e.Key).ToList())
        {
            _excludedUntil.Remove(old);
        }

        foreach (var old in _lastReport.Where(e => now - e.Value >= _settings.MinUnreachableReportInterval).Select(e => e.Key).ToList())
        {
            _lastReport.Remove(old);
        }

        if (_lastReport.TryAdd(key, now))
        {
            _log.Info("PE 0x{Identifier:x8} of {PoolHandle} reported unreachable", report.Identifier, report.Handle);
            _client.Tell(new RegistrarSend(new AsapEndpointUnreachable(report.Handle, report.Identifier)), Self);
        }
        else
        {
            _log.Debug("PE 0x{Identifier:x8} of {PoolHandle} reported again within {Interval}: not sent", report.Identifier, report.Handle, _settings.MinUnreachableReportInterval);
        }

        if (cached)
        {
            RefreshIfRunningLow(report.Handle, now);
        }
    }

    // RFC 5352 §3.3 leaves the PU free to resolve at any time: after a failure, a pool with fewer than two usable PEs
    // left in the cache is resolved again at once, so the next failover finds a PE in the cache instead of waiting for
    // the registrar's answer (half of all failovers did, docs/bench-akka.md).
    private void RefreshIfRunningLow(PoolHandle handle, DateTimeOffset now)
    {
        int usable = 0;
        if (_cache.TryGetPool(handle, out Pool? pool))
        {
            usable = pool.Elements.Count(e => !(_excludedUntil.TryGetValue((handle, e.Identifier), out DateTimeOffset until) && until > now));
        }

        if (usable < 2 && _resolving.Add(handle))
        {
            _client.Tell(new RegistrarRequest(new AsapHandleResolution(handle, _settings.HandleResolutionItems)), Self);
        }
    }

    private void ExpireCache()
    {
        _expired.Clear();
        _cache.RemoveExpired(Now.ToUnixTimeMilliseconds(), _expired);
    }

    private void DropPool(PoolHandle handle)
    {
        if (_cache.TryGetPool(handle, out Pool? pool))
        {
            foreach (PoolElementEntry entry in pool.Elements.ToList())
            {
                _cache.Remove(entry);
            }
        }
    }
}
