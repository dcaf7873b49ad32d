using RSerPool.Hosts.Hosting;
using Xunit;

namespace RSerPool.Hosts.Tests.Hosting;

/// <summary>A host that cannot start says why in one line (issue 16): the messages of the exception and its causes, no stack trace.</summary>
public sealed class StartFailureDescriptionTests
{
    [Fact]
    public void The_description_joins_the_messages_of_the_causes_on_one_line()
    {
        var bind = new IOException("Failed to bind to address http://127.0.0.1:80: address already in use.",
            new System.Net.Sockets.SocketException(98));
        var wrapped = new IOException("status endpoint 127.0.0.1:80 (--status): " + bind.Message, bind);

        string text = ServiceHost.Describe(wrapped);

        Assert.StartsWith("status endpoint 127.0.0.1:80 (--status): Failed to bind to address http://127.0.0.1:80: address already in use.", text, StringComparison.Ordinal);
        Assert.EndsWith(": " + new System.Net.Sockets.SocketException(98).Message, text, StringComparison.Ordinal);
        Assert.Equal(1, text.Split(": Failed to bind", StringSplitOptions.None).Length - 1);   // the repeated inner message once
        Assert.DoesNotContain('\n', text);
    }
}
