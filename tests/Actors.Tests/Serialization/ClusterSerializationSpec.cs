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
        // Bound in hocon/cluster.conf, not left to the default (JSON) serializer: PoolChanged to its own, the rest to Hyperion.
        Assert.IsType(type == typeof(PoolChanged) ? typeof(PoolChangedSerializer) : typeof(HyperionSerializer), serializer);

        byte[] bytes = serializer.ToBinary(message);
        object back = Sys.Serialization.Deserialize(bytes, serializer.Identifier, type);
        byte[] again = serializer.ToBinary(back);   // before ToString fills any cached text

        Assert.IsType(type, back);
        Assert.Equal(bytes, again);   // every field came back
        Assert.Equal(message.ToString(), back.ToString());
    }

    [Fact]
    public void A_pool_changed_comes_back_equal_from_its_own_serializer_and_a_malformed_one_is_refused()
    {
        var message = (PoolChanged)new ClusterMessageSamples(TestActor, ((ExtendedActorSystem)Sys).Provider.DefaultAddress).Create(typeof(PoolChanged));
        var serializer = new PoolChangedSerializer((ExtendedActorSystem)Sys);

        byte[] bytes = serializer.ToBinary(message);

        Assert.Equal(message, serializer.FromBinary(bytes, typeof(PoolChanged)));
        Assert.True(bytes.Length < 200, $"{bytes.Length} bytes");
        Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serializer.FromBinary(bytes[..^(bytes.Length - 10)], typeof(PoolChanged)));
        byte[] otherVersion = (byte[])bytes.Clone();
        otherVersion[2 + System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(bytes)] = 9;
        Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serializer.FromBinary(otherVersion, typeof(PoolChanged)));
    }
}
