using System.Net;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Wire.Tests.Codec;

/// <summary>Our decoder accepts everything our encoder can produce under the default limits (WireLimits).</summary>
public sealed class MaximumSizeMessageTests
{
    [Fact]
    public void A_handle_table_response_filled_to_the_length_limit_decodes_with_default_limits()
    {
        // Each PE with an IPv4 TCP user transport, RR policy and ASAP transport is 56 bytes and 6 parameters.
        var elements = new List<PoolElement>();
        var handle = PoolHandle.FromString("P");
        int length = 12 + 8;
        for (uint id = 1; length + 56 <= 65535; id++, length += 56)
        {
            var address = new IPAddress(BitConverter.GetBytes(0x0a000000u + id));
            elements.Add(new PoolElement(id, 0x01020304, 90000,
                new TcpTransport(7, TransportUse.DataOnly, [address]),
                PoolMemberSelectionPolicy.RoundRobin(),
                new SctpTransport(3863, TransportUse.DataOnly, [address])));
        }
        var response = new EnrpHandleTableResponse(1, 2, [new HandleTableEntry(handle, ValueArray.Create<PoolElement>(elements))]);

        byte[] bytes = EnrpEncoder.EncodeToArray(response);

        Assert.True(bytes.Length > 65400, $"message is {bytes.Length} bytes");
        Assert.True(6 * elements.Count > 4096, "more parameters than the old limit");
        Assert.Equal(response, EnrpDecoder.Decode(bytes));
    }
}
