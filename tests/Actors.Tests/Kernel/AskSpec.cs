using RSerPool.Actors.Kernel;
using RSerPool.Actors.Kernel.TestKit;
using RSerPool.Actors.Tests.Kernel.Support;
using Xunit;

namespace RSerPool.Actors.Tests.Kernel;

public sealed class AskSpec : TestKit
{
    [Fact]
    public async Task Ask_completes_with_the_reply()
    {
        var echo = ActorOf<EchoActor>();

        var reply = echo.Ask<string>("hello");
        RunUntilIdle();

        Assert.Equal("hello", await reply);
    }

    [Fact]
    public async Task Ask_times_out_on_the_kernel_clock_with_the_default_ask_timeout()
    {
        var hole = ActorOf<BlackHoleActor>();

        var reply = hole.Ask<string>("anyone?");
        Scheduler.Advance(Sys.Settings.AskTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(reply.IsCompleted);
        Scheduler.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(reply.IsFaulted);
        await Assert.ThrowsAsync<AskTimeoutException>(() => reply);
    }

    [Fact]
    public async Task Ask_with_an_explicit_timeout_uses_it()
    {
        var hole = ActorOf<BlackHoleActor>();

        var reply = hole.Ask<string>("anyone?", TimeSpan.FromMilliseconds(200));
        Scheduler.Advance(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAsync<AskTimeoutException>(() => reply);
    }

    [Fact]
    public async Task Ask_to_a_dead_actor_fails_fast_without_time_passing()
    {
        var echo = ActorOf<EchoActor>();
        Sys.Stop(echo);
        RunUntilIdle();
        var before = Now;

        var reply = echo.Ask<string>("hello?");

        Assert.True(reply.IsFaulted);
        Assert.Equal(before, Now);
        var error = await Assert.ThrowsAsync<AskTimeoutException>(() => reply);
        Assert.Contains("terminated", error.Message);
    }

    [Fact]
    public async Task Ask_to_Nobody_fails_fast()
    {
        await Assert.ThrowsAsync<AskTimeoutException>(() => ActorRefs.Nobody.Ask<string>("hello?"));
    }

    [Fact]
    public async Task A_Status_Failure_reply_faults_the_task_with_its_cause()
    {
        var echo = ActorOf<EchoActor>();
        var cause = new InvalidOperationException("no");

        var reply = echo.Ask<string>(new Status.Failure(cause));
        RunUntilIdle();

        Assert.Same(cause, await Assert.ThrowsAsync<InvalidOperationException>(() => reply));
    }

    [Fact]
    public async Task A_reply_of_the_wrong_type_faults_the_task()
    {
        var echo = ActorOf<EchoActor>();

        var reply = echo.Ask<string>(42);
        RunUntilIdle();

        await Assert.ThrowsAsync<ArgumentException>(() => reply);
    }

    [Fact]
    public void Ask_rejects_an_infinite_timeout()
    {
        var echo = ActorOf<EchoActor>();

        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = echo.Ask<string>("x", System.Threading.Timeout.InfiniteTimeSpan); });
    }

    [Fact]
    public async Task PipeTo_delivers_the_result_and_wraps_a_failure_in_Status_Failure()
    {
        await Task.FromResult("done").PipeTo(TestActor);
        ExpectMsg("done");

        var cause = new InvalidOperationException("bad");
        await Task.FromException<string>(cause).PipeTo(TestActor);
        Assert.Same(cause, ExpectMsg<Status.Failure>().Cause);

        await Task.FromResult(7).PipeTo(TestActor, success: n => $"n={n}");
        ExpectMsg("n=7");
    }

    [Fact]
    public async Task GracefulStop_completes_true_once_the_actor_has_terminated()
    {
        var echo = ActorOf<EchoActor>();

        var stopped = echo.GracefulStop(TimeSpan.FromSeconds(1));
        RunUntilIdle();

        Assert.True(await stopped);
    }

    [Fact]
    public async Task GracefulStop_completes_false_when_the_actor_does_not_stop_in_time()
    {
        var hole = ActorOf<BlackHoleActor>();

        var stopped = hole.GracefulStop(TimeSpan.FromSeconds(1), "please-stop"); // ignored by the actor
        Scheduler.Advance(TimeSpan.FromSeconds(1));

        Assert.False(await stopped);
    }
}
