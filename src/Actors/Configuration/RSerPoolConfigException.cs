namespace RSerPool.Actors.Configuration;

/// <summary>
/// A missing or ill-typed <c>rserpool.*</c> value, or text that is not a valid configuration. The message names the
/// key (or command-line flag) and what it must be; <see cref="Key"/> tells a host which file or flag to blame.
/// </summary>
public sealed class RSerPoolConfigException : Exception
{
    /// <summary>Creates an exception about <paramref name="key"/> (null when no single key is at fault).</summary>
    public RSerPoolConfigException(string? key, string message)
        : base(message)
    {
        Key = key;
    }

    /// <summary>Creates an exception about <paramref name="key"/> caused by <paramref name="inner"/>.</summary>
    public RSerPoolConfigException(string? key, string message, Exception inner)
        : base(message, inner)
    {
        Key = key;
    }

    /// <summary>The configuration key (e.g. <c>rserpool.registrar.asap</c>) or flag (e.g. <c>--local</c>) at fault; null when none.</summary>
    public string? Key { get; }
}
