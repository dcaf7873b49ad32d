using System.Net;
using Akka.Actor;

namespace RSerPool.Actors.Session;

/// <summary>Told to the handler once the connection's socket is up (connected or accepted).</summary>
public sealed record ShimConnected(IActorRef Connection, EndPoint? Remote, EndPoint? Local);
