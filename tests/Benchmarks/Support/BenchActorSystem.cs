using Akka.Actor;
using Akka.Configuration;

namespace RSerPool.Benchmarks.Support;

/// <summary>
/// Actor systems of the in-process benchmarks: Akka's defaults (the default dispatcher on the thread pool, the wall
/// clock), with logging at WARNING so that per-PE info lines do not show up in what is measured.
/// </summary>
public static class BenchActorSystem
{
    private static readonly Config Quiet = ConfigurationFactory.ParseString("""
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        """);

    public static ActorSystem Create(string name) => ActorSystem.Create(name, Quiet);
}
