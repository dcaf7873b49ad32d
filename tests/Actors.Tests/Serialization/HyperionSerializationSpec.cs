using Akka.Serialization;
using RSerPool.Actors.Configuration;
using RSerPool.TestKit;
using Xunit;

namespace RSerPool.Actors.Tests.Serialization;

/// <summary>
/// Every RSerPool message that may cross a process boundary (<see cref="IRSerPoolMessage"/>) is bound to Hyperion by
/// the library's reference configuration and survives a round trip through Akka's serialization.
/// </summary>
public sealed class HyperionSerializationSpec() : RealTimeTestKit(RSerPoolConfig.Library)
{
    public static TheoryData<string> MessageTypes() => [.. MessageSamples.All.Select(m => m.GetType().Name)];

    [Fact]
    public void Every_message_type_marked_for_serialization_has_a_sample()
    {
        var marked = typeof(IRSerPoolMessage).Assembly.GetTypes()
            .Where(t => typeof(IRSerPoolMessage).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
            .Select(t => t.FullName!)
            .Order();
        Assert.Equal(marked, MessageSamples.All.Select(m => m.GetType().FullName!).Order());
    }

    [Theory]
    [MemberData(nameof(MessageTypes))]
    public void The_message_round_trips_through_hyperion(string typeName)
    {
        var message = MessageSamples.All.Single(m => m.GetType().Name == typeName);
        var serializer = Sys.Serialization.FindSerializerFor(message);
        Assert.IsType<HyperionSerializer>(serializer);

        byte[] bytes = serializer.ToBinary(message);
        object back = Sys.Serialization.Deserialize(bytes, serializer.Identifier, message.GetType());

        byte[] again = serializer.ToBinary(back);                       // before ToString fills any cached text

        Assert.IsType(message.GetType(), back);
        Assert.Equal(bytes, again);                                     // every field came back (byte arrays included)
        Assert.Equal(message.ToString(), back.ToString());
    }
}
