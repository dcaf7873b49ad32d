// Issue 15 item 5: every message that crosses Akka.Remote in cluster mode is bound to a serializer by
// hocon/cluster.conf and survives a round trip; the types are found by reflection, so a later one is covered too.
using Akka.Actor;
using Akka.Serialization;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.Configuration;
using RSerPool.TestKit;
using Xunit;

namespace RSerPool.Actors.Tests.Serialization;

public sealed class ClusterSerializationSpec() : RealTimeTestKit(RSerPoolConfig.ClusterSerialization)
{
    public static TheoryData<string> MessageTypes() => [.. ClusterMessageSamples.MessageTypes.Select(t => t.FullName!)];

    [Fact]
    public void The_cluster_messages_are_found_by_their_marker()
    {
        Assert.Contains(typeof(PoolChanged), ClusterMessageSamples.MessageTypes);
        Assert.Contains(typeof(PoolWatchSnapshot), ClusterMessageSamples.MessageTypes);
        Assert.Contains(typeof(GetPoolWatchSnapshot), ClusterMessageSamples.MessageTypes);
    }

    [Fact]
    public void Cluster_mode_lays_the_bindings_under_a_nodes_configuration()
    {
        var config = Akka.Configuration.ConfigurationFactory.ParseString("rserpool.cluster.enabled = on").WithFallback(RSerPoolConfig.Default);
        var overlay = ClusterConfig.AkkaOverlay(ClusterConfig.Read(config), "registrar", config);

        var bindings = overlay.GetValue("akka.actor.serialization-bindings").GetObject().Items;
        Assert.Equal("hyperion", bindings["RSerPool.Actors.Cluster.IRSerPoolClusterMessage, RSerPool.Actors"].GetString());
    }

    [Theory]
    [MemberData(nameof(MessageTypes))]
    public void The_message_is_bound_by_the_cluster_configuration_and_round_trips(string typeName)
    {
        Type type = ClusterMessageSamples.MessageTypes.Single(t => t.FullName == typeName);
        object message = new ClusterMessageSamples(TestActor, ((ExtendedActorSystem)Sys).Provider.DefaultAddress).Create(type);
        Serializer serializer = Sys.Serialization.FindSerializerFor(message);
        Assert.IsType<HyperionSerializer>(serializer);   // not the default (JSON) serializer: bound in hocon/cluster.conf

        byte[] bytes = serializer.ToBinary(message);
        object back = Sys.Serialization.Deserialize(bytes, serializer.Identifier, type);
        byte[] again = serializer.ToBinary(back);   // before ToString fills any cached text

        Assert.IsType(type, back);
        Assert.Equal(bytes, again);   // every field came back
        Assert.Equal(message.ToString(), back.ToString());
    }
}
