using Akka.Configuration;
using Xunit.Abstractions;

namespace RSerPool.TestKit;

/// <summary>
/// Base of integration specs in real time (<see cref="SpecConfig.RealTime"/>): thread-pool dispatcher, wall clock,
/// real sockets on loopback; expectations wait for events, never for a fixed time.
/// </summary>
public abstract class RealTimeTestKit : Akka.TestKit.Xunit2.TestKit
{
    protected RealTimeTestKit(Config? config = null, ITestOutputHelper? output = null)
        : base(config is null ? SpecConfig.RealTime : config.WithFallback(SpecConfig.RealTime), "test", output)
    {
    }
}
