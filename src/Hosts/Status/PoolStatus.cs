namespace RSerPool.Hosts.Status;

/// <summary>One pool: its handle (text when printable, else hex) and its PEs.</summary>
public sealed record PoolStatus(string Handle, IReadOnlyList<PoolElementStatus> Elements);
