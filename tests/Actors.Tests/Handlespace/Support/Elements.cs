// Builders of PE parameters for the handlespace specs.
using System.Net;
using RSerPool.Actors.Handlespace;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Handlespace.Support;

internal static class Elements
{
    public const uint OwnRegistrar = 0x0A0B0C0D;
    public const int LifeMs = 90_000;

    public static readonly PoolHandle Handle = PoolHandle.FromString("EchoPool");

    /// <summary>round(fraction × 0xFFFFFFFF), the conversion of docs/protocol-notes.md §13.</summary>
    public static uint Fraction(double fraction) => (uint)Math.Round(fraction * 0xFFFFFFFF);

    public static TcpTransport Tcp(ushort port = 7, TransportUse use = TransportUse.DataOnly) =>
        new(port, use, [IPAddress.Parse("10.0.0.1")]);

    public static PoolElement Pe(uint id, PoolMemberSelectionPolicy policy, TransportParameter? transport = null) =>
        new(id, 0, LifeMs, transport ?? Tcp((ushort)(1000 + (id % 60000))), policy);

    /// <summary>Registers PEs 1..n with the given policies over association 1.</summary>
    public static PoolHandlespace Pool1(PoolHandlespace handlespace, params PoolMemberSelectionPolicy[] policies)
    {
        for (int i = 0; i < policies.Length; i++)
        {
            RegistrationResult result = handlespace.Register(Handle, Pe((uint)(i + 1), policies[i]), OwnRegistrar, associationId: 1);
            if (result.Outcome != RegistrationOutcome.Added)
            {
                throw new InvalidOperationException($"setup registration {i + 1} failed: {result.Error}");
            }
        }

        return handlespace;
    }

    /// <summary>Selects <paramref name="items"/> PEs and returns their identifiers.</summary>
    public static uint[] Select(PoolHandlespace handlespace, int items, PoolHandle? handle = null)
    {
        var destination = new PoolElementEntry[items];
        Assert.True(handlespace.TrySelect(handle ?? Handle, destination, out int count));
        return destination.Take(count).Select(e => e.Identifier).ToArray();
    }

    /// <summary>The identifiers of <paramref name="selections"/> single-item selections.</summary>
    public static uint[] Sequence(PoolHandlespace handlespace, int selections) =>
        Enumerable.Range(0, selections).Select(_ => Select(handlespace, 1).Single()).ToArray();
}
