using Xunit;

namespace RSerPool.Hosts.Tests.Commands;

/// <summary>Issue 16 item 2: --give-up-after (rserpool.pu.give-up-after) is a positive duration; anything else is a usage error naming the flag.</summary>
public sealed class GiveUpAfterFlagTests
{
    [Theory]
    [InlineData("terminal", "0s")]
    [InlineData("terminal", "soon")]
    [InlineData("fetch", "-1s")]
    public void A_give_up_time_that_is_not_a_positive_duration_is_a_usage_error(string command, string value)
    {
        var stderr = new StringWriter();
        string[] args = command == "fetch" ? [command, "--give-up-after", value, "notes.txt"] : [command, "--give-up-after", value];
        int code = Program.Run(args, new StringReader(""), new StringWriter(), stderr);
        Assert.Equal(2, code);
        string error = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--give-up-after", error, StringComparison.Ordinal);
        Assert.Contains("rserpool.pu.give-up-after", error, StringComparison.Ordinal);
    }
}
