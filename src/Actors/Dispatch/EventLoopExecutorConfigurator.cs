using Akka.Configuration;
using Akka.Dispatch;

namespace RSerPool.Actors.Dispatch;

/// <summary>
/// <c>executor = "RSerPool.Actors.Dispatch.EventLoopExecutorConfigurator, RSerPool.Actors"</c> in a dispatcher's
/// HOCON: one <see cref="EventLoopExecutor"/> (one thread) per dispatcher.
/// </summary>
public sealed class EventLoopExecutorConfigurator(Config config, IDispatcherPrerequisites prerequisites) : ExecutorServiceConfigurator(config, prerequisites)
{
    public override ExecutorService Produce(string id) => new EventLoopExecutor(id, Prerequisites.EventStream);
}
