// An Akka.NET application hosting a pool element (README "Embedding RSerPool"): Akka.Hosting starts the actor system,
// the echo actor is registered as a PE of the pool, and Ctrl-C / SIGTERM run CoordinatedShutdown, which deregisters it.
// With --seed it joins the RSerPool cluster (role rserpool-client, docs/cluster.md) and registers at a registrar it
// finds there: no registrar address anywhere.
using Akka.Actor;
using Akka.Hosting;
using Akka.Remote.Hosting;
using Microsoft.Extensions.Hosting;
using RSerPool.Actors.Api;
using RSerPool.Actors.RegistrarClient;
using RSerPool.Samples.EmbeddedPoolElement;

var arguments = SampleArguments.Parse(args, out string error);
if (arguments is null)
{
    Console.Error.WriteLine($"embedded-pool-element: {error}");
    Console.Error.WriteLine(SampleArguments.Usage);
    return 2;
}

// Every node of one RSerPool cluster runs an actor system of the same name (rserpool.cluster.system-name).
const string ClusterSystemName = "rserpool";
bool clustered = arguments.Seeds.Count > 0;
var builder = Host.CreateApplicationBuilder();
builder.Services.AddAkka(clustered ? ClusterSystemName : "embedded", akka =>
{
    if (clustered)
    {
        string seeds = string.Join(", ", arguments.Seeds.Select(seed => $"\"akka.tcp://{ClusterSystemName}@{seed}\""));
        // WithRemoting selects the remote provider; the cluster provider is selected after it.
        akka.WithRemoting(arguments.ClusterHost, arguments.ClusterPort)
            .WithActorRefProvider(ProviderSelection.Cluster.Instance)
            .AddHocon($$"""
                akka.cluster.roles = ["rserpool-client"]
                akka.cluster.seed-nodes = [{{seeds}}]
                """, HoconAddMode.Prepend);
    }

    // Clustered: the node's options come from the rserpool HOCON section, whose registrar client takes its registrars
    // from the cluster. Otherwise: the one registrar named on the command line.
    akka.WithRSerPool(arguments.Registrar is { } registrar
            ? new RSerPoolNodeOptions { RegistrarClient = RegistrarClientSettings.Default with { StaticRegistrars = [registrar] } }
            : null)
        .WithActors((system, registry) => registry.Register<EchoActor>(system.ActorOf(Props.Create<EchoActor>(), "echo")))
        .WithPoolElementActor<EchoActor>(arguments.Pool);
});
await builder.Build().RunAsync();
return 0;
