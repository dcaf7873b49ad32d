using RSerPool.Actors.Configuration;
using RSerPool.Actors.Transport.Sctp;
using Xunit;

namespace RSerPool.Hosts.Tests.Config;

/// <summary>
/// Issue 14: by default the registrar runs on the event-loop dispatcher where it serves ASAP over one-to-many SCTP and
/// on the default dispatcher elsewhere; a dispatcher can be named, or none.
/// </summary>
public sealed class RegistrarDispatcherConfigTests
{
    [Fact]
    public void The_reference_picks_the_event_loop_where_asap_is_served_over_one_to_many_sctp()
    {
        var settings = RegistrarConfig.Read(TestConfig.Reference);

        Assert.Equal("auto", settings.Dispatcher);
        Assert.Equal("Dispatcher", TestConfig.Reference.GetString("rserpool.registrar.event-loop.type"));
        Assert.Equal("rserpool.registrar.event-loop", settings.ResolveDispatcher(sctpAvailable: true));
        Assert.Null(settings.ResolveDispatcher(sctpAvailable: false));
        Assert.Null((settings with { AsapSctpOnTcpEndPoint = false, AsapSctpEndPoint = null }).ResolveDispatcher(sctpAvailable: true));
        Assert.Null((settings with { AsapSctpStyle = SctpSocketStyle.OneToOne }).ResolveDispatcher(sctpAvailable: true));
    }

    [Fact]
    public void A_named_dispatcher_is_used_with_or_without_sctp()
    {
        var settings = RegistrarConfig.Read(TestConfig.With("rserpool.registrar.dispatcher = \"rserpool.registrar.event-loop\""));

        Assert.Equal("rserpool.registrar.event-loop", settings.ResolveDispatcher(sctpAvailable: false));
        Assert.Equal("rserpool.registrar.event-loop", settings.ResolveDispatcher(sctpAvailable: true));
    }

    [Fact]
    public void An_empty_name_means_the_default_dispatcher()
    {
        var settings = RegistrarConfig.Read(TestConfig.With("rserpool.registrar.dispatcher = \"\""));

        Assert.Null(settings.Dispatcher);
        Assert.Null(settings.ResolveDispatcher(sctpAvailable: true));
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
