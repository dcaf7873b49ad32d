using System.Collections.Concurrent;
using System.Net;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// The registrar's count of refused or ignored requests by cause (shown by the status endpoint) and the memory of which
/// offender was already logged for which cause, so each is logged once and then only counted. Shared by the registrar and
/// its pool actors (thread-safe). The memory is bounded: past <see cref="MaxRemembered"/> offender–cause pairs, only the
/// first refusal of each new cause is logged.
/// </summary>
public sealed class RefusalBook
{
    /// <summary>Offender–cause pairs remembered for "log once"; enough for every PE host of a large pool.</summary>
    public const int MaxRemembered = 4096;

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Offender, string Cause), byte> _logged = new();
    private readonly ConcurrentDictionary<string, byte> _loggedWhenFull = new(StringComparer.Ordinal);

    /// <summary>The offender a refusal is logged for: the remote host (its IP address), else the association.</summary>
    public static string OffenderOf(EndPoint? remote, long associationId) =>
        remote is IPEndPoint endPoint ? endPoint.Address.ToString() : $"association {associationId}";

    /// <summary>Counts one refusal; true when it is the first of <paramref name="offender"/> for <paramref name="cause"/> (log it).</summary>
    public bool Note(string offender, string cause)
    {
        ArgumentNullException.ThrowIfNull(offender);
        ArgumentNullException.ThrowIfNull(cause);
        _counts.AddOrUpdate(cause, 1, static (_, count) => count + 1);
        if (_logged.ContainsKey((offender, cause)))
        {
            return false;
        }

        if (_logged.Count >= MaxRemembered)
        {
            return _loggedWhenFull.TryAdd(cause, 0);
        }

        return _logged.TryAdd((offender, cause), 0);
    }

    /// <summary>Refusals so far, by cause.</summary>
    public IReadOnlyDictionary<string, long> Counts() => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);
}
