using System.Net;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Transport;

public sealed class TransportAddressesSpec
{
    private static readonly IPAddress Local = IPAddress.Parse("10.2.0.5");

    [Fact]
    public void Unspecified_and_missing_addresses_are_filled_and_specific_ones_kept()
    {
        var any = new SctpTransport(7000, TransportUse.DataPlusControl, [IPAddress.Any]);
        var filled = Assert.IsType<SctpTransport>(TransportAddresses.FillUnspecified(any, Local));
        Assert.Equal([Local], filled.Addresses.ToArray());
        Assert.Equal(TransportUse.DataPlusControl, filled.TransportUse);

        var empty = new TcpTransport(7000, TransportUse.DataOnly, default);
        Assert.Equal([Local], TransportAddresses.FillUnspecified(empty, Local).Addresses.ToArray());

        var mixed = new TcpTransport(7000, TransportUse.DataOnly, [IPAddress.Parse("192.0.2.1"), IPAddress.IPv6Any]);
        Assert.Equal([IPAddress.Parse("192.0.2.1"), Local], TransportAddresses.FillUnspecified(mixed, Local.MapToIPv6()).Addresses.ToArray());

        var specific = new TcpTransport(7000, TransportUse.DataOnly, [IPAddress.Loopback]);
        Assert.Same(specific, TransportAddresses.FillUnspecified(specific, Local));
        Assert.Same(any, TransportAddresses.FillUnspecified(any, IPAddress.Any));
    }
}
