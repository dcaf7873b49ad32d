using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Event;

namespace RSerPool.Actors.Transport;

/// <summary>
/// The admission rule of a listener actor: at most <c>maxConnections</c> open children, and at most <c>maxPerHost</c>
/// from one source address, so one host cannot take every slot (issue 13). A refused socket is closed at once; each
/// refusal is logged once per cause and address (again after that address fell below its limit, or after the listener
/// had room again). The listener tells it of every child it starts and of every child that ended.
/// </summary>
internal sealed class ConnectionAdmission(string listener, string noun, int maxConnections, int maxPerHost, ILoggingAdapter log)
{
    private readonly Dictionary<IActorRef, IPAddress> _hostOf = [];
    private readonly Dictionary<IPAddress, int> _openPerHost = [];
    private readonly HashSet<IPAddress> _hostsRefused = [];
    private bool _refusingAll;
    private long _refused;

    /// <summary>Admits <paramref name="socket"/>'s source address, or closes the socket and says which limit refused it.</summary>
    public bool TryAdmit(Socket socket, out IPAddress host, out ConnectionEvent refusal)
    {
        host = socket.RemoteEndPoint is IPEndPoint remote ? Normalized(remote.Address) : IPAddress.None;
        if (_hostOf.Count >= maxConnections)
        {
            refusal = ConnectionEvent.RefusedMaxAssociations;
            Refuse(socket, host, !_refusingAll, $"{maxConnections} {noun} open");
            _refusingAll = true;
            return false;
        }

        if (_openPerHost.GetValueOrDefault(host) >= maxPerHost)
        {
            refusal = ConnectionEvent.RefusedMaxPerHost;
            Refuse(socket, host, _hostsRefused.Add(host), $"{maxPerHost} {noun} open from this address");
            return false;
        }

        refusal = default;
        return true;
    }

    /// <summary>The child serving a connection admitted from <paramref name="host"/>.</summary>
    public void Started(IActorRef child, IPAddress host)
    {
        _hostOf.Add(child, host);
        _openPerHost[host] = _openPerHost.GetValueOrDefault(host) + 1;
    }

    /// <summary>A child ended (its Terminated); others are ignored.</summary>
    public void Ended(IActorRef child)
    {
        if (!_hostOf.Remove(child, out IPAddress? host))
        {
            return;
        }

        int left = _openPerHost[host] - 1;
        if (left == 0)
        {
            _openPerHost.Remove(host);
        }
        else
        {
            _openPerHost[host] = left;
        }

        if (left < maxPerHost)
        {
            _hostsRefused.Remove(host);
        }

        if (_hostOf.Count < maxConnections)
        {
            _refusingAll = false;
        }
    }

    private void Refuse(Socket socket, IPAddress host, bool firstTime, string cause)
    {
        _refused++;
        if (firstTime)
        {
            log.Warning("{Listener}: refusing connections from {Host}: {Cause} ({Refused} refused so far; logged once until it clears)",
                listener, host, cause, _refused);
        }

        socket.Dispose();
    }

    private static IPAddress Normalized(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
