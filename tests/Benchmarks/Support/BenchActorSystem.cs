using RSerPool.Actors.Configuration;
using Akka.Actor;
using Akka.Configuration;

namespace RSerPool.Benchmarks.Support;

/// <summary>
/// Actor systems of the in-process benchmarks: Akka's defaults (the default dispatcher on the thread pool, the wall
/// clock) and RSerPool's reference section (a registrar built with <see cref="RegistrarDispatcher"/> runs on the
/// hosts' dispatcher), with logging at WARNING so that per-PE info lines do not show up in what is measured.
/// </summary>
public static class BenchActorSystem
{
    private static readonly Config Quiet = ConfigurationFactory.ParseString("""
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        """);

    // The rserpool section too: the registrar's dispatcher (rserpool.registrar.event-loop) is defined there.
    public static ActorSystem Create(string name) => ActorSystem.Create(name, Quiet.WithFallback(RSerPoolConfig.RSerPoolSection));

    /// <summary>The dispatcher the hosts run a registrar on (hocon/reference.conf), for benchmarks that measure a registrar as deployed.</summary>
    public static string? RegistrarDispatcher => RegistrarConfig.Read(RSerPoolConfig.Default).Dispatcher;
}
