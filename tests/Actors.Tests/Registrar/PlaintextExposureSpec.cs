using System.Net;
using RSerPool.Actors.Registrar;
using Xunit;

namespace RSerPool.Actors.Tests.Registrar;

/// <summary>The registrar's plaintext WARN (README "TLS"): only TCP listeners reachable from other hosts and without TLS count.</summary>
public sealed class PlaintextExposureSpec
{
    private static readonly IPEndPoint AnyAsap = new(IPAddress.Any, 3863);
    private static readonly IPEndPoint AnyEnrp = new(IPAddress.IPv6Any, 9901);

    [Fact]
    public void Wildcard_listeners_without_tls_are_exposed()
    {
        Assert.Equal(["ASAP on TCP 0.0.0.0:3863", "ENRP on TCP [::]:9901"], PlaintextExposure.Listeners(AnyAsap, false, AnyEnrp, true, false));
    }

    [Fact]
    public void Tls_listeners_are_not_exposed()
    {
        Assert.Empty(PlaintextExposure.Listeners(AnyAsap, true, AnyEnrp, true, true));
    }

    [Fact]
    public void Loopback_listeners_and_enrp_over_sctp_only_are_not_exposed()
    {
        Assert.Empty(PlaintextExposure.Listeners(new IPEndPoint(IPAddress.Loopback, 3863), false,
            new IPEndPoint(IPAddress.Parse("::ffff:127.0.0.1"), 9901), true, false));
        Assert.Equal(["ASAP on TCP 0.0.0.0:3863"], PlaintextExposure.Listeners(AnyAsap, false, AnyEnrp, enrpOverTcp: false, false));
    }
}
