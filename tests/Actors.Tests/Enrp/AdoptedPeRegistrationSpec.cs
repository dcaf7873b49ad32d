// Issue 13 item 0 with RFC 5353 §3.5: the guard against foreign re-registrations must not lock out a PE its new home adopted.
using System.Net;
using RSerPool.Actors.Tests.Enrp.Support;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using Xunit;

namespace RSerPool.Actors.Tests.Enrp;

public sealed class AdoptedPeRegistrationSpec : EnrpSpecBase
{
    private const uint IdA = 0xa0000001;
    private const uint IdB = 0xb0000002;

    [Fact]
    public void A_pe_adopted_without_an_association_re_registers_at_its_new_home_over_a_new_one()
    {
        var a = StartRegistrar(IdA, 1, [2]);
        var b = StartRegistrar(IdB, 2, [1]);
        Settle();
        Register(a, Connect(a), 0x101);
        Kill(a);
        Advance(TimeSpan.FromMilliseconds(1300));
        Assert.Equal(IdB, Owners(b)[0x101]);   // taken over, with no association at B

        var pe = Connect(b);
        Register(b, pe, 0x101);                // accepted: the adopted PE has no association here to protect

        var attacker = Connect(b);
        b.Registrar.Tell(new AssociationReceived<AsapMessage>(Asap.Registration(0x101)), attacker.Ref);
        var response = Assert.IsType<AsapRegistrationResponse>(attacker.ExpectMsg<AssociationSend<AsapMessage>>().Message);
        Assert.True(response.Rejected);        // now it has one, and it is protected like any other
        Assert.Equal(ErrorCauseCode.RejectionDueToSecurityConsiderations, Assert.Single(response.Error!.Causes).Code);
    }

    [Fact]
    public void A_pe_adopted_over_an_association_it_has_with_the_new_home_re_registers_over_it()
    {
        var a = StartRegistrar(IdA, 1, [2]);
        var b = StartRegistrar(IdB, 2, [1]);
        Settle();
        var remote = new IPEndPoint(IPAddress.Parse("10.7.0.1"), 47000);
        Register(a, Connect(a, remote), 0x101);
        var atB = Connect(b, remote);
        Kill(a);
        Advance(TimeSpan.FromMilliseconds(1300));
        Assert.True(Assert.IsType<AsapEndpointKeepAlive>(atB.ExpectMsg<AssociationSend<AsapMessage>>().Message).HomeFlag);

        Register(b, atB, 0x101);
        Assert.Equal(IdB, Owners(b)[0x101]);
    }
}
