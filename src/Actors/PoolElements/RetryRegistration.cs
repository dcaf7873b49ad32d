namespace RSerPool.Actors.PoolElements;

/// <summary>Internal timer of <see cref="PoolElementActor"/>: register again (retry or periodic re-registration).</summary>
internal sealed record RetryRegistration
{
    public static RetryRegistration Instance { get; } = new();
}
