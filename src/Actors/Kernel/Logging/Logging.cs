namespace RSerPool.Actors.Kernel.Event;

/// <summary>Logger factories (Akka.NET's <c>Logging.GetLogger</c>).</summary>
public static class Logging
{
    /// <summary>A logger whose events carry this actor's path as <c>ActorPath</c>.</summary>
    public static ILoggingAdapter GetLogger(this IActorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new SerilogLoggingAdapter(context.System.LogFor(context.Self), context.System.Settings.LogLevel);
    }

    /// <summary>A logger for code outside actors; <c>ActorPath</c> is <paramref name="source"/>.</summary>
    public static ILoggingAdapter GetLogger(ActorSystem system, string source)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new SerilogLoggingAdapter(system.Logger.ForContext("ActorPath", source), system.Settings.LogLevel);
    }
}
