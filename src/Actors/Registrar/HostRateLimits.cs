using System.Net;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// Per-host rate limits of the registrar (issue 13): Handle Resolutions and Endpoint Unreachable reports of all
/// associations from one IP address share one <see cref="TokenBucket"/> each, so opening more associations gains a
/// host nothing. A host's buckets exist while it has an association (<see cref="Attach"/>/<see cref="Detach"/>), so
/// their number is bounded by the association limit.
/// </summary>
internal sealed class HostRateLimits(RegistrarSettings settings, TimeProvider clock)
{
    private readonly Dictionary<IPAddress, HostRateLimit> _hosts = [];

    public void Attach(EndPoint? remote)
    {
        if (HostOf(remote) is not { } address)
        {
            return;
        }

        if (!_hosts.TryGetValue(address, out HostRateLimit? host))
        {
            host = new HostRateLimit(new TokenBucket(settings.MaxHandleResolutionRatePerHost, clock), new TokenBucket(settings.MaxEndpointUnreachableRatePerHost, clock));
            _hosts.Add(address, host);
        }

        host.Associations++;
    }

    public void Detach(EndPoint? remote)
    {
        if (HostOf(remote) is { } address && _hosts.TryGetValue(address, out HostRateLimit? host) && --host.Associations <= 0)
        {
            _hosts.Remove(address);
        }
    }

    public bool TryTakeResolution(EndPoint? remote) =>
        HostOf(remote) is not { } address || !_hosts.TryGetValue(address, out HostRateLimit? host) || host.Resolutions.TryTake();

    public bool TryTakeUnreachable(EndPoint? remote) =>
        HostOf(remote) is not { } address || !_hosts.TryGetValue(address, out HostRateLimit? host) || host.UnreachableReports.TryTake();

    /// <summary>How long until the host's resolution budget holds a request again.</summary>
    public TimeSpan TimeUntilResolution(EndPoint? remote) =>
        HostOf(remote) is { } address && _hosts.TryGetValue(address, out HostRateLimit? host) ? host.Resolutions.TimeUntilToken() : TimeSpan.Zero;

    /// <summary>How long until the host's Endpoint Unreachable budget holds a report again.</summary>
    public TimeSpan TimeUntilUnreachable(EndPoint? remote) =>
        HostOf(remote) is { } address && _hosts.TryGetValue(address, out HostRateLimit? host) ? host.UnreachableReports.TimeUntilToken() : TimeSpan.Zero;

    private static IPAddress? HostOf(EndPoint? remote) =>
        remote is IPEndPoint { Address: var address } ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address) : null;
}
