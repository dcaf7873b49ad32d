// Issue 14 item 3: PEs keep one instance of equal addresses and policies (bytes per PE), and what they answer with is
// still exactly what each PE registered.
using System.Net;
using RSerPool.Actors.Handlespace;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Handlespace;

public sealed class ValueSharingSpec
{
    private static readonly PoolHandle Handle = PoolHandle.FromString("SharePool");

    // As the decoder builds them: every PE its own address list, address and policy object.
    private static PoolElement Element(uint id, ushort port, string address, uint load) =>
        new(id, 0xA, 30_000, new TcpTransport(port, TransportUse.DataOnly, [IPAddress.Parse(address)]), PoolMemberSelectionPolicy.LeastUsed(load));

    private static PoolElementEntry Entry(PoolHandlespace handlespace, uint id) =>
        handlespace.TryGetElement(Handle, id, out PoolElementEntry? entry) ? entry : throw new InvalidOperationException($"PE {id} missing");

    [Fact]
    public void Pes_of_one_host_share_the_address_list_and_pes_with_one_load_share_the_policy()
    {
        var handlespace = new PoolHandlespace();
        PoolElement[] elements = [Element(1, 7001, "10.0.0.1", 5), Element(2, 7002, "10.0.0.1", 5), Element(3, 7003, "10.0.0.2", 9)];
        foreach (PoolElement element in elements)
        {
            Assert.True(handlespace.Register(Handle, element, 0xA, 1).IsAccepted);
        }

        PoolElementEntry one = Entry(handlespace, 1), two = Entry(handlespace, 2), three = Entry(handlespace, 3);
        Assert.Same(one.UserTransport.Addresses[0], two.UserTransport.Addresses[0]);
        Assert.Same(one.Policy, two.Policy);
        Assert.NotSame(one.Policy, three.Policy);
        Assert.NotEqual(one.UserTransport.Addresses[0], three.UserTransport.Addresses[0]);
        Assert.Equal(elements, new[] { one, two, three }.Select(entry => entry.ToPoolElement()));
    }

    [Fact]
    public void An_unchanged_re_registration_keeps_the_entrys_objects_and_a_changed_one_takes_the_new_values()
    {
        var handlespace = new PoolHandlespace();
        handlespace.Register(Handle, Element(1, 7001, "10.0.0.1", 5), 0xA, 1);
        PoolElementEntry entry = Entry(handlespace, 1);
        TransportParameter transport = entry.UserTransport;
        PoolMemberSelectionPolicy policy = entry.Policy;

        handlespace.Register(Handle, Element(1, 7001, "10.0.0.1", 5), 0xA, 1);
        Assert.Same(transport, entry.UserTransport);
        Assert.Same(policy, entry.Policy);

        handlespace.Register(Handle, Element(1, 7009, "10.0.0.3", 6), 0xA, 1);
        Assert.Equal(Element(1, 7009, "10.0.0.3", 6), entry.ToPoolElement());
    }
}
