using Akka.Actor;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Api;

/// <summary>
/// An application actor serving as a PE (<see cref="RSerPoolExtension.RegisterActorAsync"/>): its user-transport
/// server and its registration. Disposing (or the actor terminating) deregisters the PE and stops the server.
/// </summary>
public sealed class PoolElementActorRegistration : IAsyncDisposable
{
    private readonly PoolElementServer _server;
    private readonly Action<PoolElementActorRegistration> _onEnded;
    private int _ended;

    internal PoolElementActorRegistration(IActorRef actor, PoolElementServer server, PoolElementRegistration registration, Action<PoolElementActorRegistration> onEnded)
    {
        Actor = actor;
        _server = server;
        Registration = registration;
        _onEnded = onEnded;
    }

    /// <summary>The application actor that gets the pool users' messages.</summary>
    public IActorRef Actor { get; }

    /// <summary>The registration (status, home registrar, load updates).</summary>
    public PoolElementRegistration Registration { get; }

    /// <summary>The pool handle.</summary>
    public PoolHandle PoolHandle => Registration.PoolHandle;

    /// <summary>The PE identifier.</summary>
    public uint Identifier => Registration.Identifier;

    /// <summary>Where the PE's user transport listens.</summary>
    public System.Net.IPEndPoint LocalEndPoint => _server.LocalEndPoint;

    /// <summary>
    /// The actor terminated: its server stops first, so that its sessions close at once and their pool users resend
    /// what the actor never answered to another PE; then the PE is deregistered.
    /// </summary>
    internal Task OnActorTerminatedAsync() => EndAsync(serverFirst: true);

    /// <summary>Deregisters the PE (rsp_deregister) and stops its server; idempotent.</summary>
    public ValueTask DisposeAsync() => new(EndAsync(serverFirst: false));

    private async Task EndAsync(bool serverFirst)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        try
        {
            await (serverFirst ? _server.DisposeAsync().AsTask() : Registration.DeregisterAsync()).ConfigureAwait(false);
        }
        finally
        {
            await (serverFirst ? Registration.DeregisterAsync() : _server.DisposeAsync().AsTask()).ConfigureAwait(false);
            _onEnded(this);
        }
    }
}
