using RSerPool.Actors.Kernel.Dispatch;
using Serilog.Events;

namespace RSerPool.Actors.Kernel;

/// <summary>
/// Typed settings of an <see cref="ActorSystem"/>. Hosts fill them from the HOCON keys named on each property; the kernel
/// never parses configuration text (style.md §10.2).
/// </summary>
public sealed record ActorSystemSettings
{
    /// <summary>Defaults for production: thread pool, system clock, Serilog's global logger.</summary>
    public static ActorSystemSettings Default { get; } = new();

    /// <summary>User messages an actor processes per mailbox run (<c>akka.actor.default-dispatcher.throughput</c>, default 100).</summary>
    public int Throughput { get; init; } = 100;

    /// <summary>Timeout of an ask without an explicit one (<c>akka.actor.ask-timeout</c>, default 5 s; never infinite).</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Minimum level of the actors' loggers (<c>akka.loglevel</c>, default Information).</summary>
    public LogEventLevel LogLevel { get; init; } = LogEventLevel.Information;

    /// <summary>The Serilog logger; null means <c>Serilog.Log.Logger</c> at system creation.</summary>
    public Serilog.ILogger? Logger { get; init; }

    /// <summary>The one clock of the system: scheduler, timers, receive timeouts, ask timeouts, restart windows.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The default dispatcher.</summary>
    public MessageDispatcher Dispatcher { get; init; } = ThreadPoolDispatcher.Default;

    /// <summary>Extra dispatchers selectable with <see cref="Props.WithDispatcher"/>.</summary>
    public IReadOnlyDictionary<string, MessageDispatcher> Dispatchers { get; init; } = new Dictionary<string, MessageDispatcher>();

    /// <summary>
    /// How the <c>/user</c> guardian supervises top-level actors (<c>akka.actor.guardian-supervisor-strategy</c>). A directive
    /// of Escalate here ends the system with the failure as <see cref="ActorSystem.TerminationReason"/>.
    /// </summary>
    public SupervisorStrategy GuardianSupervisorStrategy { get; init; } = SupervisorStrategy.DefaultStrategy;
}
