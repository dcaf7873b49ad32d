// What an application registers (rsp_register of the sockets API draft; RFC 5352 §3.1).
using System.Net;
using Akka.Actor;
using RSerPool.Actors.PoolElements;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Api;

/// <summary>One PE in one pool. Register the same transport in several pools with one call per pool.</summary>
public sealed record PoolElementOptions
{
    public PoolElementOptions(PoolHandle poolHandle, TransportParameter userTransport)
    {
        ArgumentNullException.ThrowIfNull(userTransport);
        PoolHandle = poolHandle;
        UserTransport = userTransport;
    }

    /// <summary>A PE reachable over TCP at <paramref name="endPoint"/> (the session server's listen endpoint).</summary>
    public static PoolElementOptions ForTcp(string poolHandle, IPEndPoint endPoint, TransportUse transportUse = TransportUse.DataOnly)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return new PoolElementOptions(PoolHandle.FromString(poolHandle), new TcpTransport((ushort)endPoint.Port, transportUse, [endPoint.Address]));
    }

    public PoolHandle PoolHandle { get; init; }

    /// <summary>Where PUs reach this PE.</summary>
    public TransportParameter UserTransport { get; init; }

    /// <summary>Policy and its values (all PEs of a pool must use the same type). Default round robin.</summary>
    public PoolMemberSelectionPolicy Policy { get; init; } = PoolMemberSelectionPolicy.RoundRobin();

    /// <summary>PE Identifier; 0 = random in 1..0xFFFFFFFE.</summary>
    public uint Identifier { get; init; }

    /// <summary>Re-registration period (RSPLIB 30 s).</summary>
    public TimeSpan ReregistrationInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Registration Life; null = 3 × <see cref="ReregistrationInterval"/>.</summary>
    public TimeSpan? RegistrationLife { get; init; }

    /// <summary>First retry delay after a failed registration (doubles up to <see cref="RetryMaxDelay"/>). Default 250 ms.</summary>
    public TimeSpan RetryInitialDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest retry delay. Default 8 s.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(8);

    internal PoolElementSettings ToSettings(uint identifier, IActorRef observer) => new(PoolHandle, UserTransport, Policy)
    {
        Identifier = identifier,
        ReregistrationInterval = ReregistrationInterval,
        RegistrationLife = RegistrationLife,
        RetryInitialDelay = RetryInitialDelay,
        RetryMaxDelay = RetryMaxDelay,
        Observer = observer,
    };
}
