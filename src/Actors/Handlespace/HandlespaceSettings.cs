// Limits and options of a handlespace (issue 4 "Bad input and limits"; RFC 5352 §3.1, §3.5; docs/protocol-notes.md §4, §13).
namespace RSerPool.Actors.Handlespace;

/// <summary>Typed settings of <see cref="PoolHandlespace"/>; every limit has a documented default.</summary>
public sealed record HandlespaceSettings
{
    /// <summary>Longest accepted pool handle: RSPLIB aborts on handles longer than 32 bytes (docs/protocol-notes.md §4).</summary>
    public int MaxPoolHandleLength { get; init; } = 32;

    public int MaxPools { get; init; } = 100_000;

    public int MaxElementsPerPool { get; init; } = 10_000_000;

    /// <summary>PEs registered over one ASAP association (ENRP copies, association 0, are not counted).</summary>
    public int MaxElementsPerAssociation { get; init; } = 10_000;

    /// <summary>MAX-BAD-PE-REPORT (RFC 5352 §3.5): Endpoint Unreachable reports that remove a PE.</summary>
    public int MaxUnreachableReports { get; init; } = 3;

    /// <summary>
    /// Reports count once per reporter (host) and PE within this window, so MAX-BAD-PE-REPORT needs that many distinct
    /// reporters within it (RFC 5355 §2.13, bogus reports; docs/network-trust.md); <see cref="TimeSpan.Zero"/> = every report
    /// counts, as RSPLIB.
    /// </summary>
    public TimeSpan UnreachableReportWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// MaxIncrement (docs/protocol-notes.md §13): 0 = each policy's default; <see cref="UnlimitedMaxIncrement"/> for a PU cache.
    /// </summary>
    public int MaxIncrement { get; init; }

    public const int UnlimitedMaxIncrement = int.MaxValue;

    public static HandlespaceSettings Default { get; } = new();
}
