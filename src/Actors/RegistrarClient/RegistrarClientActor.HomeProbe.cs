// A hung home registrar (RFC 5352 §3.4: the home sends Endpoint Keep Alive at its keep-alive interval; a PE that hears
// nothing for longer probes it, and a probe without an answer within the request timeout moves it to another registrar,
// docs/protocol-notes.md §8).
using Akka.Actor;
using Akka.Event;
using RSerPool.Wire.Messages.Asap;

namespace RSerPool.Actors.RegistrarClient;

public sealed partial class RegistrarClientActor
{
    private long _lastHeardFromCurrent;

    // Whether the current association delivered any message: one closed before that (a TLS handshake refused, a
    // connection limit) is retried after the hunt's retry delay, not at once.
    private bool _currentHeard;
    private bool _probeOutstanding;

    private void ReceiveHomeProbe()
    {
        Receive<HomeProbeTick>(_ => ProbeIfSilent());
        // The probe's outcome: an answer shows the registrar lives; a timeout has already dropped it (OnRequestTimedOut).
        Receive<RegistrarReply>(_ => Sender.Equals(Self) || Sender.IsNobody(), _ => _probeOutstanding = false);
        Receive<RegistrarRequestFailed>(_ => Sender.Equals(Self) || Sender.IsNobody(), _ => _probeOutstanding = false);
    }

    private void StartHomeProbe()
    {
        if (_settings.HomeProbeAfter is { } after)
        {
            Timers.StartPeriodicTimer("home-probe", HomeProbeTick.Instance, after / 2);
        }
    }

    private void HeardFrom(IActorRef association)
    {
        if (association.Equals(_current))
        {
            _lastHeardFromCurrent = _clock.GetTimestamp();
            _currentHeard = true;
        }
    }

    // Only a process with registered PEs expects Keep Alives; a Handle Resolution of one of their pools is the probe.
    private void ProbeIfSilent()
    {
        if (_settings.HomeProbeAfter is not { } after || _current is null || _probeOutstanding || _routes.Count == 0
            || _clock.GetElapsedTime(_lastHeardFromCurrent) < after)
        {
            return;
        }

        var (handle, _) = _routes.Keys.First();
        _log.Info("registrar {Registrar} silent for {Silence}: probing it (Handle Resolution for {PoolHandle})",
            _currentEndPoint, _clock.GetElapsedTime(_lastHeardFromCurrent), handle);
        _probeOutstanding = true;
        Accept(new AsapHandleResolution(handle), Self);
    }
}
