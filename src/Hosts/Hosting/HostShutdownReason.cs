using Akka.Actor;

namespace RSerPool.Hosts.Hosting;

/// <summary>Why a host ran its coordinated shutdown; <see cref="Clean"/> decides the exit code (0, else 1).</summary>
public sealed class HostShutdownReason : CoordinatedShutdown.Reason
{
    private HostShutdownReason(string description, bool clean)
    {
        Description = description;
        Clean = clean;
    }

    /// <summary>SIGTERM or SIGINT (Ctrl-C): a requested stop, exit 0.</summary>
    public static HostShutdownReason Signal { get; } = new("stop requested by signal", clean: true);

    /// <summary>The service could not start (e.g. its port is taken): exit 1.</summary>
    public static HostShutdownReason StartFailed { get; } = new("the service could not start", clean: false);

    /// <summary>The main actor stopped or failed while serving: exit 1.</summary>
    public static HostShutdownReason MainStopped { get; } = new("the main actor stopped", clean: false);

    public string Description { get; }

    public bool Clean { get; }

    /// <summary>The process exit code this reason gives.</summary>
    public override int ExitCode => Clean ? ExitCodes.Success : ExitCodes.Failure;

    public override string ToString() => Description;
}
