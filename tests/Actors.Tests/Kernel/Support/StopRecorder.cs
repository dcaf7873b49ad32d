using RSerPool.Actors.Kernel;

namespace RSerPool.Actors.Tests.Kernel.Support;

/// <summary>Appends its id to a shared list in PostStop, and creates children on <see cref="CreateChild"/>; for orders that outlive every probe.</summary>
public sealed class StopRecorder : ReceiveActor
{
    private readonly List<string> _log;
    private readonly string _id;

    public StopRecorder(List<string> log, string id)
    {
        _log = log;
        _id = id;
        Receive<CreateChild>(create => Sender.Tell(Context.ActorOf(create.Props, create.Name), Self));
    }

    protected override void PostStop()
    {
        lock (_log)
            _log.Add(_id);
    }
}
