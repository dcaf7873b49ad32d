using System.Net;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Enrp;

/// <summary>The registrations the ENRP harness sends: TCP user transport, Least Used policy, Registration Life 1 h.</summary>
public static class EnrpWorkload
{
    public static PoolElement Element(uint identifier, uint load = 0) =>
        new(identifier, 0, 3_600_000, new TcpTransport((ushort)(10_000 + (identifier % 50_000)), TransportUse.DataOnly, [IPAddress.Parse("10.0.0.1")]),
            PoolMemberSelectionPolicy.LeastUsed(load));

    /// <summary>One pipelined write: Registrations of <paramref name="count"/> PEs from <paramref name="firstIdentifier"/> on.</summary>
    public static byte[] RegistrationBatch(PoolHandle handle, uint firstIdentifier, int count, uint load = 0)
    {
        var stream = new MemoryStream();
        for (int i = 0; i < count; i++)
        {
            stream.Write(AsapEncoder.EncodeToArray(new AsapRegistration(handle, Element(firstIdentifier + (uint)i, load))));
        }

        return stream.ToArray();
    }
}
