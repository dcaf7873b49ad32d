using RSerPool.Actors.Configuration;
using RSerPool.Actors.Registrar;
using Xunit;

namespace RSerPool.Hosts.Tests.Config;

/// <summary>Issue 13: the registrar's rate limits and registration-life bounds have sane defaults and refuse nonsense.</summary>
public sealed class RegistrarGuardConfigTests
{
    [Fact]
    public void Reference_defaults_limit_rates_per_association_and_host_and_bound_the_registration_life()
    {
        var settings = RegistrarConfig.Read(TestConfig.Reference);
        var code = new RegistrarSettings();

        Assert.Equal(1000, settings.MaxHandleResolutionRate);
        Assert.Equal(10_000, settings.MaxHandleResolutionRatePerHost);
        Assert.Equal(10, settings.MaxEndpointUnreachableRate);
        Assert.Equal(100, settings.MaxEndpointUnreachableRatePerHost);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.MinRegistrationLife);
        Assert.Equal(TimeSpan.FromMinutes(10), settings.MaxRegistrationLife);
        Assert.True(settings.CheckAddressScope);
        Assert.Equal(code.MaxHandleResolutionRate, settings.MaxHandleResolutionRate);   // the code's defaults mirror reference.conf
        Assert.Equal(code.MaxEndpointUnreachableRatePerHost, settings.MaxEndpointUnreachableRatePerHost);
        Assert.Equal(code.MaxRegistrationLife, settings.MaxRegistrationLife);
    }

    [Fact]
    public void Overrides_reach_the_new_settings()
    {
        var settings = RegistrarConfig.Read(TestConfig.With("""
            rserpool.registrar {
              max-handle-resolution-rate-per-host = 50
              max-endpoint-unreachable-rate-per-host = 0
              min-registration-life = 5s
              max-registration-life = 2h
              check-address-scope = off
            }
            """));

        Assert.Equal(50, settings.MaxHandleResolutionRatePerHost);
        Assert.Equal(0, settings.MaxEndpointUnreachableRatePerHost);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.MinRegistrationLife);
        Assert.Equal(TimeSpan.FromHours(2), settings.MaxRegistrationLife);
        Assert.False(settings.CheckAddressScope);
    }

    [Theory]
    [InlineData("max-handle-resolution-rate = -1")]
    [InlineData("max-endpoint-unreachable-rate-per-host = -5")]
    [InlineData("min-registration-life = 0s")]
    [InlineData("max-registration-life = 25d")]
    [InlineData("min-registration-life = 2m\nmax-registration-life = 1m")]
    [InlineData("check-address-scope = maybe")]
    public void Nonsense_is_refused_naming_the_key(string hocon)
    {
        var config = TestConfig.With("rserpool.registrar {\n" + hocon + "\n}");

        var error = Assert.Throws<RSerPoolConfigException>(() => RegistrarConfig.Read(config));

        Assert.Contains(hocon.Split(' ')[0].Split('\n')[0], error.Message, StringComparison.Ordinal);
    }
}
