using RSerPool.Actors.Transport.Sctp;
using Xunit;

namespace RSerPool.Actors.Tests.Transport.Sctp;

/// <summary>A test of the behaviour without kernel SCTP: skipped where the kernel has SCTP.</summary>
public sealed class NoSctpFactAttribute : FactAttribute
{
    public NoSctpFactAttribute()
    {
        if (SctpSupport.IsAvailable)
        {
            Skip = "the kernel has SCTP; this checks the fallback without it";
        }
    }
}
