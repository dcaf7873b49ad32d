namespace RSerPool.Hosts;

/// <summary>Process exit codes shared by every subcommand.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A malformed message (decode) or a runtime failure (servers).</summary>
    public const int Failure = 1;

    /// <summary>Bad command line or unreadable input.</summary>
    public const int Usage = 2;
}
