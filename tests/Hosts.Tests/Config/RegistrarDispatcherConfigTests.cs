using RSerPool.Actors.Configuration;
using Xunit;

namespace RSerPool.Hosts.Tests.Config;

/// <summary>Issue 14: the registrar runs on the event-loop dispatcher by default; another dispatcher or none can be named.</summary>
public sealed class RegistrarDispatcherConfigTests
{
    [Fact]
    public void The_reference_runs_the_registrar_on_the_event_loop_dispatcher()
    {
        var settings = RegistrarConfig.Read(TestConfig.Reference);

        Assert.Equal("rserpool.registrar.event-loop", settings.Dispatcher);
        Assert.Equal("Dispatcher", TestConfig.Reference.GetString("rserpool.registrar.event-loop.type"));
    }

    [Fact]
    public void An_empty_name_means_the_default_dispatcher()
    {
        Assert.Null(RegistrarConfig.Read(TestConfig.With("rserpool.registrar.dispatcher = \"\"")).Dispatcher);
    }

    [Theory]
    [InlineData("rserpool.registrar.no-such-dispatcher")]
    [InlineData("rserpool.registrar.limits")]
    public void A_name_that_is_no_dispatcher_section_is_refused_naming_the_key(string name)
    {
        var error = Assert.Throws<RSerPoolConfigException>(() => RegistrarConfig.Read(TestConfig.With($"rserpool.registrar.dispatcher = \"{name}\"")));

        Assert.Equal("rserpool.registrar.dispatcher", error.Key);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }
}
