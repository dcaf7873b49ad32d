// An Akka.NET application hosting a pool element (README "Embedding RSerPool"): Akka.Hosting starts the actor system,
// the echo actor is registered as a PE of the pool, and Ctrl-C / SIGTERM run CoordinatedShutdown, which deregisters it.
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Hosting;
using RSerPool.Actors.Api;
using RSerPool.Actors.PoolElements;
using RSerPool.Samples.EmbeddedPoolElement;
using RSerPool.Actors.RegistrarClient;

var arguments = SampleArguments.Parse(args, out string error);
if (arguments is null)
{
    Console.Error.WriteLine($"embedded-pool-element: {error}");
    Console.Error.WriteLine("usage: embedded-pool-element --registrar HOST:PORT --pool HANDLE");
    return 2;
}

var builder = Host.CreateApplicationBuilder();
builder.Services.AddAkka("embedded", akka => akka
    .WithRSerPool(new RSerPoolNodeOptions
    {
        RegistrarClient = RegistrarClientSettings.Default with { StaticRegistrars = [arguments.Registrar] },
    })
    .WithActors((system, registry) => registry.Register<EchoActor>(system.ActorOf(Props.Create<EchoActor>(), "echo")))
    .WithPoolElementActor<EchoActor>(arguments.Pool));
await builder.Build().RunAsync();
return 0;
