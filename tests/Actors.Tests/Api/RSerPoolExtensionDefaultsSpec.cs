using Akka.Serialization;
using RSerPool.Actors.Api;
using RSerPool.TestKit;
using Xunit;

namespace RSerPool.Actors.Tests.Api;

/// <summary>
/// An actor system created without RSerPool's configuration (Akka's defaults only) gets the <c>rserpool</c> defaults
/// and the Hyperion binding of RSerPool's messages from the extension.
/// </summary>
public sealed class RSerPoolExtensionDefaultsSpec : RealTimeTestKit
{
    [Fact]
    public void The_extension_brings_the_rserpool_defaults_and_the_hyperion_binding()
    {
        Assert.False(Sys.Settings.Config.HasPath("rserpool.registrar.keep-alive-interval"));
        Assert.IsNotType<HyperionSerializer>(Sys.Serialization.FindSerializerForType(typeof(PoolUserRequest)));

        var rserpool = RSerPoolExtension.Get(Sys);

        Assert.Same(rserpool, RSerPoolExtension.Get(Sys));
        Assert.True(Sys.Settings.Config.HasPath("rserpool.registrar.keep-alive-interval"));
        Assert.Empty(rserpool.NodeOptions.RegistrarClient.StaticRegistrars);
        var serializer = Sys.Serialization.FindSerializerFor(new PoolUserRequest(1, [1, 2, 3]));
        Assert.IsType<HyperionSerializer>(serializer);
        var back = Assert.IsType<PoolUserRequest>(Sys.Serialization.Deserialize(serializer.ToBinary(new PoolUserRequest(1, [1, 2, 3])), serializer.Identifier, typeof(PoolUserRequest)));
        Assert.Equal([1, 2, 3], back.Payload);
    }
}
