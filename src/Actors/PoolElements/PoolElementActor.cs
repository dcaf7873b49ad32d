// A registered pool element (RFC 5352 §3.1 registration and re-registration, §3.2 deregistration, §3.4 keep-alive).
// Place in the actor tree: rserpool-node ├── pe-<handle>/<id>.
using Akka.Actor;
using Akka.Event;
using RSerPool.Wire.Errors;
using RSerPool.Wire;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using RSerPool.Actors.RegistrarClient;

namespace RSerPool.Actors.PoolElements;

/// <summary>
/// One PE in one pool. Registers through the shared <see cref="RegistrarClientActor"/>, retries a failed or rejected
/// registration with doubling backoff, re-registers every <see cref="PoolElementSettings.ReregistrationInterval"/>
/// (well inside the Registration Life) and at once when the load changes, acks every Endpoint Keep Alive on the
/// association it came in on, takes the sender of a Keep Alive with the H flag as its home, re-registers with the
/// next registrar when the home association is lost, and deregisters on <see cref="DeregisterPoolElement"/>, or, fire
/// and forget, when stopped without it. Status changes go to <see cref="PoolElementSettings.Observer"/>.
/// </summary>
public sealed class PoolElementActor : ReceiveActor, IWithTimers
{
    private const string ReregisterTimer = "reregister";
    private readonly PoolElementSettings _settings;
    private readonly IActorRef _client;
    private readonly ILoggingAdapter _log;
    private PoolMemberSelectionPolicy _policy;
    private PoolElementStatus _status = PoolElementStatus.Registering;
    private uint _homeServerId;
    private bool _inFlight;
    private bool _registerAgain;
    private TimeSpan _retryDelay;
    private bool _deregistering;
    private bool _deregistered;
    private IActorRef? _deregisterReplyTo;

    public PoolElementActor(PoolElementSettings settings, IActorRef registrarClient)
    {
        _settings = settings;
        _client = registrarClient;
        _policy = settings.Policy;
        _retryDelay = settings.RetryInitialDelay;
        Identifier = settings.Identifier != 0 ? settings.Identifier : (uint)Random.Shared.NextInt64(1, 0xFFFF_FFFF);
        _log = Context.GetLogger();

        Receive<RegistrarReply>(reply => OnReply(reply));
        Receive<RegistrarRequestFailed>(OnRequestFailed);
        Receive<RegistrarAssociationLost>(OnAssociationLost);
        Receive<KeepAliveReceived>(OnKeepAlive);
        Receive<RetryRegistration>(_ => Register());
        Receive<UpdatePoolElementLoad>(update => UpdateLoad(update.Load));
        Receive<DeregisterPoolElement>(_ => Deregister(Sender));
    }

    /// <summary>This PE's identifier (chosen at construction).</summary>
    public uint Identifier { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(PoolElementSettings settings, IActorRef registrarClient) =>
        Akka.Actor.Props.Create(() => new PoolElementActor(settings, registrarClient));

    /// <summary>The actor name of a PE: <c>pe-&lt;handle&gt;-&lt;id&gt;</c>, with characters an actor name cannot hold replaced.</summary>
    public static string ActorName(PoolHandle handle, uint identifier)
    {
        string text = new(handle.ToString().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        return $"pe-{text}-{identifier:x8}";
    }

    protected override void PreStart()
    {
        _log.Info("PE 0x{Identifier:x8} joining pool {PoolHandle} with {Transport}", Identifier, _settings.PoolHandle, LogText.Transport(_settings.UserTransport));
        Notify(PoolElementStatus.Registering, null);
        Register();
    }

    protected override void PostStop()
    {
        if (!_deregistered)
        {
            // A stop without DeregisterPoolElement: still leave the pool (RFC 5352 §3.2), without waiting for the answer.
            _client.Tell(new RegistrarSend(new AsapDeregistration(_settings.PoolHandle, Identifier)), ActorRefs.NoSender);
        }
    }

    private AsapRegistration Registration() => new(
        _settings.PoolHandle,
        new PoolElement(Identifier, _homeServerId, _settings.RegistrationLifeMs, _settings.UserTransport, _policy));

    // RFC 5352 §3.1: one registration in flight; a change meanwhile sends another after it.
    private void Register()
    {
        if (_deregistering)
        {
            return;
        }

        if (_inFlight)
        {
            _registerAgain = true;
            return;
        }

        _inFlight = true;
        _registerAgain = false;
        _client.Tell(new RegistrarRequest(Registration()), Self);
    }

    private void OnReply(RegistrarReply reply)
    {
        switch (reply.Response)
        {
            case AsapRegistrationResponse response when response.PoolElementIdentifier == Identifier:
                _inFlight = false;
                if (_deregistering)
                {
                    return;
                }

                if (!response.Rejected && response.Error is null)
                {
                    Registered(reply.ServerId);
                }
                else
                {
                    string cause = response.Error is { } error && !error.Causes.IsEmpty ? $"cause {ErrorCauseText.Describe(error.Causes[0].Code)}" : "rejected";
                    _log.Warning("PE 0x{Identifier:x8}: registration in {PoolHandle} rejected ({Cause}); retrying in {Delay}",
                        Identifier, _settings.PoolHandle, cause, _retryDelay);
                    Notify(PoolElementStatus.Rejected, cause);
                    ScheduleRetry();
                }

                break;
            case AsapDeregistrationResponse response when response.PoolElementIdentifier == Identifier:
                FinishDeregistration(confirmed: response.Error is null);
                break;
        }
    }

    private void Registered(uint serverId)
    {
        uint home = serverId != 0 ? serverId : _homeServerId;
        bool changed = _status != PoolElementStatus.Registered || home != _homeServerId;
        _homeServerId = home;
        _retryDelay = _settings.RetryInitialDelay;
        Timers.StartSingleTimer(ReregisterTimer, RetryRegistration.Instance, _settings.ReregistrationInterval);
        if (changed)
        {
            if (_homeServerId != 0)
            {
                _log.Info("PE 0x{Identifier:x8} registered in {PoolHandle} at registrar 0x{ServerId:x8}", Identifier, _settings.PoolHandle, _homeServerId);
            }
            else
            {
                // RFC 5352 §2.2.1: the Registration Response names no server; its first Keep Alive or Server Announce does.
                _log.Info("PE 0x{Identifier:x8} registered in {PoolHandle} (registrar ID not known yet)", Identifier, _settings.PoolHandle);
            }

            Notify(PoolElementStatus.Registered, null);
        }

        if (_registerAgain)
        {
            Register();
        }
    }

    private void OnRequestFailed(RegistrarRequestFailed failed)
    {
        switch (failed.Request)
        {
            case AsapRegistration:
                _inFlight = false;
                if (_deregistering)
                {
                    return;
                }

                if (failed.AssociationLost)
                {
                    Register();   // queued by the client until the next registrar is up
                }
                else
                {
                    _log.Info("PE 0x{Identifier:x8}: registration failed ({Reason}); retrying in {Delay}", Identifier, failed.Reason, _retryDelay);
                    ScheduleRetry();
                }

                break;
            case AsapDeregistration:
                FinishDeregistration(confirmed: false);
                break;
        }
    }

    private void ScheduleRetry()
    {
        Timers.StartSingleTimer(ReregisterTimer, RetryRegistration.Instance, _retryDelay);
        _retryDelay = TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, _settings.RetryMaxDelay.Ticks));
    }

    // RFC 5352 §3.1: the home registrar is gone with its association; the next registrar becomes home.
    private void OnAssociationLost(RegistrarAssociationLost lost)
    {
        if (_deregistering)
        {
            return;
        }

        _homeServerId = 0;   // the next registrar's ID is learned from its Keep Alive (RFC 5352 §2.2.1 Home ENRP Server ID)
        if (_status == PoolElementStatus.Registered)
        {
            Notify(PoolElementStatus.Moving, lost.Reason);
        }

        Timers.Cancel(ReregisterTimer);
        Register();
    }

    // RFC 5352 §3.4: ack on the association the Keep Alive came in on; H = 1 names the new home.
    private void OnKeepAlive(KeepAliveReceived received)
    {
        AsapEndpointKeepAlive keepAlive = received.KeepAlive;
        if ((keepAlive.HomeFlag || _homeServerId == 0) && keepAlive.ServerIdentifier != _homeServerId)
        {
            _homeServerId = keepAlive.ServerIdentifier;
            if (keepAlive.HomeFlag)
            {
                _log.Info("PE 0x{Identifier:x8}: registrar 0x{ServerId:x8} is the new home (H flag)", Identifier, _homeServerId);
            }

            Notify(_status, keepAlive.HomeFlag ? "home registrar changed (H flag)" : "home registrar identified by its Keep Alive");
        }

        _client.Tell(new RegistrarSend(new AsapEndpointKeepAliveAck(_settings.PoolHandle, Identifier), received.Association), Self);
    }

    private void UpdateLoad(uint load)
    {
        int index = PolicyLayout.TryGet(_policy.Type, out ReadOnlySpan<PolicyValueKind> layout) ? layout.IndexOf(PolicyValueKind.Load) : -1;
        if (index < 0 || _policy.Values[index] == load)
        {
            return;
        }

        uint[] values = _policy.Values.ToArray();
        values[index] = load;
        _policy = new PoolMemberSelectionPolicy(_policy.Type, ValueArray.Create<uint>(values), _policy.TrailingBytes);
        Register();
    }

    private void Deregister(IActorRef replyTo)
    {
        _deregisterReplyTo = replyTo;
        if (_deregistering)
        {
            return;
        }

        _deregistering = true;
        Timers.CancelAll();
        _client.Tell(new RegistrarRequest(new AsapDeregistration(_settings.PoolHandle, Identifier)), Self);
    }

    private void FinishDeregistration(bool confirmed)
    {
        if (!_deregistering || _deregistered)
        {
            return;
        }

        _deregistered = true;
        _log.Info("PE 0x{Identifier:x8} left pool {PoolHandle}{Confirmation}", Identifier, _settings.PoolHandle, confirmed ? string.Empty : " (unconfirmed)");
        Notify(PoolElementStatus.Deregistered, confirmed ? null : "no confirmation from the registrar");
        _deregisterReplyTo?.Tell(new PoolElementDeregistered(Identifier, confirmed), Self);
        Context.Stop(Self);
    }

    private void Notify(PoolElementStatus status, string? reason)
    {
        _status = status;
        _settings.Observer?.Tell(new PoolElementStatusChanged(_settings.PoolHandle, Identifier, status, _homeServerId, reason), Self);
    }
}
