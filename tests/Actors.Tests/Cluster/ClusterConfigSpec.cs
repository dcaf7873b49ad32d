// rserpool.cluster (issue 15): the typed reader and the Akka keys cluster mode sets.
using Akka.Configuration;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.Configuration;
using Xunit;

namespace RSerPool.Actors.Tests.Cluster;

public sealed class ClusterConfigSpec
{
    private static Config With(string hocon) => ConfigurationFactory.ParseString(hocon).WithFallback(RSerPoolConfig.Default);

    [Fact]
    public void Cluster_mode_is_off_by_default_with_the_shared_names()
    {
        ClusterSettings settings = ClusterConfig.Read(RSerPoolConfig.Default);
        Assert.False(settings.Enabled);
        Assert.Equal(("rserpool", "registrar", "rserpool-client"), (settings.SystemName, settings.RegistrarRole, settings.ClientRole));
        Assert.Null(settings.EndPoint);
        Assert.Empty(settings.Seeds);
        Assert.True(ClusterConfig.AkkaOverlay(settings, "registrar", RSerPoolConfig.Default).IsEmpty);
    }

    [Fact]
    public void The_overlay_sets_the_provider_the_remote_endpoint_the_role_and_the_seed_nodes_under_the_system_name()
    {
        Config config = With("""
            rserpool.cluster { enabled = on, system-name = "pool-net", endpoint = "10.0.0.1:4053", seeds = ["10.0.0.2:4053", "[fd00::3]:4053"] }
            akka.cluster.roles = ["metrics"]
            """);
        ClusterSettings settings = ClusterConfig.Read(config);
        Config merged = ClusterConfig.AkkaOverlay(settings, settings.RegistrarRole, config).WithFallback(config);

        Assert.Equal("cluster", merged.GetString("akka.actor.provider"));
        Assert.Equal("10.0.0.1", merged.GetString("akka.remote.dot-netty.tcp.hostname"));
        Assert.Equal(4053, merged.GetInt("akka.remote.dot-netty.tcp.port"));
        Assert.Equal(["metrics", "registrar"], merged.GetStringList("akka.cluster.roles"));
        Assert.Equal(["akka.tcp://pool-net@10.0.0.2:4053", "akka.tcp://pool-net@[fd00::3]:4053"], merged.GetStringList("akka.cluster.seed-nodes"));
        Assert.False(ClusterConfig.HasNoSeeds(merged));
    }

    [Fact]
    public void Seed_nodes_from_akka_cluster_stay_when_no_seeds_are_given()
    {
        Config config = With("""
            rserpool.cluster.enabled = on
            akka.cluster.seed-nodes = ["akka.tcp://rserpool@10.0.0.9:4053"]
            """);
        Config merged = ClusterConfig.AkkaOverlay(ClusterConfig.Read(config), "registrar", config).WithFallback(config);
        Assert.Equal(["akka.tcp://rserpool@10.0.0.9:4053"], merged.GetStringList("akka.cluster.seed-nodes"));
        Assert.True(ClusterConfig.HasNoSeeds(RSerPoolConfig.Default));
    }

    [Theory]
    [InlineData("rserpool.cluster.endpoint = \"10.0.0.1\"", "rserpool.cluster.endpoint")]
    [InlineData("rserpool.cluster.seeds = [\"fd00::1:4053\"]", "rserpool.cluster.seeds")]
    [InlineData("rserpool.cluster.system-name = \"two words\"", "rserpool.cluster.system-name")]
    [InlineData("rserpool.cluster.endpoints-retry-interval = 0s", "rserpool.cluster.endpoints-retry-interval")]
    public void A_bad_value_names_its_key(string hocon, string key)
    {
        var error = Assert.Throws<RSerPoolConfigException>(() => ClusterConfig.Read(With(hocon)));
        Assert.Equal(key, error.Key);
    }

    [Fact]
    public void The_reference_settles_partitions_by_keep_majority_of_registrars_within_seconds()
    {
        Config akka = RSerPoolConfig.Default;
        Assert.Equal("keep-majority", akka.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.Equal("registrar", akka.GetString("akka.cluster.split-brain-resolver.keep-majority.role"));
        Assert.Equal(TimeSpan.FromSeconds(1), akka.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
        Assert.Equal(TimeSpan.FromMilliseconds(250), akka.GetTimeSpan("akka.cluster.failure-detector.heartbeat-interval"));
        Assert.Equal(TimeSpan.FromSeconds(2), akka.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause"));
    }
}
