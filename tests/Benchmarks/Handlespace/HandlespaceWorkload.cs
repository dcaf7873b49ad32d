// Shared setup of the handlespace benchmarks (issue 4 benchmark 1): PE records built the way a decoder builds them
// (each PE its own transport and address objects; valueless policies shared by the handlespace).
using System.Net;
using RSerPool.Actors.Handlespace;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Handlespace;

public enum BenchPolicy
{
    RoundRobin,
    LeastUsed,
    Random,
}

internal static class HandlespaceWorkload
{
    public const uint OwnId = 0x0A0B0C0D;

    public static readonly PoolHandle Handle = PoolHandle.FromString("EchoPool");

    public static PoolMemberSelectionPolicy Policy(BenchPolicy policy, int index) => policy switch
    {
        BenchPolicy.RoundRobin => PoolMemberSelectionPolicy.RoundRobin(),
        BenchPolicy.LeastUsed => PoolMemberSelectionPolicy.LeastUsed((uint)(index % 1000) * 4_000_000u),
        _ => PoolMemberSelectionPolicy.Random(),
    };

    public static PoolElement Element(BenchPolicy policy, int index) => new(
        (uint)index + 1,
        0,
        90_000,
        new TcpTransport((ushort)(1024 + (index % 60000)), TransportUse.DataOnly, [new IPAddress(0x0100000A + ((uint)(index >> 16) << 24))]),
        Policy(policy, index));

    public static PoolElement[] Elements(BenchPolicy policy, int count)
    {
        var elements = new PoolElement[count];
        for (int i = 0; i < count; i++)
        {
            elements[i] = Element(policy, i);
        }

        return elements;
    }

    /// <summary>Registers every element into one pool, over 100 associations.</summary>
    public static PoolHandlespace Fill(PoolElement[] elements, PoolHandlespace? handlespace = null)
    {
        handlespace ??= NewHandlespace();
        for (int i = 0; i < elements.Length; i++)
        {
            handlespace.Register(Handle, elements[i], OwnId, 1 + (i % 100));
        }

        return handlespace;
    }

    public static PoolHandlespace NewHandlespace() => new(
        new HandlespaceSettings { MaxElementsPerAssociation = int.MaxValue, MaxElementsPerPool = int.MaxValue },
        random: null);
}
