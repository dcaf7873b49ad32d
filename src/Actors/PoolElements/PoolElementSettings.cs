// A PE's registration data and timers (RFC 5352 §3.1, §7; RSPLIB's defaults: docs/protocol-notes.md §8).
using Akka.Actor;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.PoolElements;

/// <summary>Typed settings of one <see cref="PoolElementActor"/> (hocon <c>rserpool.pe.*</c> for the timers).</summary>
public sealed record PoolElementSettings
{
    public PoolElementSettings(PoolHandle poolHandle, TransportParameter userTransport, PoolMemberSelectionPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(userTransport);
        PoolHandle = poolHandle;
        UserTransport = userTransport;
        Policy = policy ?? PoolMemberSelectionPolicy.RoundRobin();
    }

    /// <summary>The pool to join.</summary>
    public PoolHandle PoolHandle { get; init; }

    /// <summary>Where PUs reach this PE (given by the caller, e.g. the session server's TCP endpoint).</summary>
    public TransportParameter UserTransport { get; init; }

    /// <summary>The PE's policy with its current values (the load is replaced by <see cref="UpdatePoolElementLoad"/>). Default round robin.</summary>
    public PoolMemberSelectionPolicy Policy { get; init; }

    /// <summary>PE Identifier; 0 = a random one in 1..0xFFFFFFFE (docs/protocol-notes.md §6). Kept for the PE's lifetime.</summary>
    public uint Identifier { get; init; }

    /// <summary>Re-registration period (T4; RSPLIB -rereginterval 30 s).</summary>
    public TimeSpan ReregistrationInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Registration Life sent to the registrar; null = 3 × <see cref="ReregistrationInterval"/> (RSPLIB, 90 s).</summary>
    public TimeSpan? RegistrationLife { get; init; }

    /// <summary>First delay before retrying a failed or rejected registration; doubled per failure. Default 250 ms.</summary>
    public TimeSpan RetryInitialDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest delay between registration retries. Default 8 s.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Told every <see cref="PoolElementStatusChanged"/>; null = nobody.</summary>
    public IActorRef? Observer { get; init; }

    /// <summary>The Registration Life in effect, in milliseconds (wire field, signed 32 bits).</summary>
    public int RegistrationLifeMs => (int)Math.Min(int.MaxValue, (RegistrationLife ?? (3 * ReregistrationInterval)).TotalMilliseconds);
}
