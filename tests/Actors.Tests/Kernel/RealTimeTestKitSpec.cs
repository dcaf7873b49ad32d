using RSerPool.Actors.Kernel;
using RSerPool.Actors.Kernel.TestKit;
using RSerPool.Actors.Tests.Kernel.Support;
using Xunit;

namespace RSerPool.Actors.Tests.Kernel;

/// <summary>The TestKit on the thread-pool dispatcher and the system clock, as integration tests will use it.</summary>
public sealed class RealTimeTestKitSpec : TestKit
{
    public RealTimeTestKitSpec()
        : base(RealTimeSettings)
    {
    }

    [Fact]
    public async Task Messages_and_asks_work_on_the_thread_pool()
    {
        var echo = ActorOf<EchoActor>();

        echo.Tell("ping", TestActor);

        Assert.Equal("ping", await TestProbe.ExpectMsgAsync<string>());
        Assert.Equal(7, await echo.Ask<int>(7, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Terminated_is_awaited_without_sleeping()
    {
        var echo = ActorOf<EchoActor>();
        Watch(echo);

        echo.Tell(PoisonPill.Instance, TestActor);

        Assert.Equal(echo, (await TestProbe.ExpectTerminatedAsync(echo)).ActorRef);
    }

    [Fact]
    public void Synchronous_expectations_wait_for_the_message()
    {
        var echo = ActorOf<EchoActor>();

        echo.Tell("sync", TestActor);

        ExpectMsg("sync");
        Assert.False(IsManual);
    }
}
