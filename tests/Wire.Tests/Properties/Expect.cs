using System.Diagnostics.CodeAnalysis;
using Xunit;

namespace RSerPool.Wire.Tests.Properties;

/// <summary>
/// <see cref="Assert.True(bool, string)"/> with a message built only on failure: the properties check millions of
/// inputs, and formatting a message (the input in hex, the records) for every passing check costs more than the check.
/// </summary>
public static class Expect
{
    public static void True([DoesNotReturnIf(false)] bool condition, Func<string> message)
    {
        if (!condition)
        {
            Assert.Fail(message());
        }
    }
}
