using Xunit;

namespace RSerPool.Hosts.Tests.Chaos;

/// <summary>The chaos run starts ten processes and times failovers: it runs alone, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChaosCollection
{
    public const string Name = "chaos";
}
