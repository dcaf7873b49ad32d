using RSerPool.Actors.Transport.Sctp;
using Xunit;

namespace RSerPool.Actors.Tests.Transport.Sctp;

/// <summary>A test that needs kernel SCTP: skipped, with the reason, where the kernel has none (run them in the RSPLIB lab, docs/protocol-notes.md §15).</summary>
public sealed class SctpFactAttribute : FactAttribute
{
    public SctpFactAttribute()
    {
        if (!SctpSupport.IsAvailable)
        {
            Skip = $"needs kernel SCTP ({SctpSupport.Reason}); scripts/interop/rsplib.sh runs it in the lab guest";
        }
    }
}
