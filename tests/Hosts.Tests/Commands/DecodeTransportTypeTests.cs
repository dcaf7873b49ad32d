using Xunit;

namespace RSerPool.Hosts.Tests.Commands;

/// <summary>decode tells SCTP (0x0004) and TCP (0x0005) transport parameters apart (RFC 5354 §3.3, §3.4): same fields, different type.</summary>
public sealed class DecodeTransportTypeTests
{
    // asap-registration-roundrobin.hex: a Registration whose user transport is an SCTP Transport parameter at byte 32.
    private const string SctpRegistration =
        "01000038000900 0c4563686f506f6f6c000a00281a2b3c4d0a0b0c0d00015f9000040010138900010001 0008c000020a0008000800000001";

    [Fact]
    public void Sctp_and_tcp_transports_print_their_parameter_type()
    {
        string sctp = SctpRegistration.Replace(" ", "", StringComparison.Ordinal);
        Assert.Equal("0004", sctp.Substring(64, 4));
        string tcp = string.Concat(sctp.AsSpan(0, 64), "0005", sctp.AsSpan(68));

        string sctpText = Decode(sctp);
        string tcpText = Decode(tcp);

        Assert.Contains("ParameterType: SctpTransport (0x0004)", sctpText, StringComparison.Ordinal);
        Assert.Contains("ParameterType: TcpTransport (0x0005)", tcpText, StringComparison.Ordinal);
        Assert.NotEqual(sctpText, tcpText);
        Assert.Contains("\"ParameterType\": \"TcpTransport\"", Decode(tcp, "--json"), StringComparison.Ordinal);
    }

    private static string Decode(string hex, params string[] flags)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(["decode", .. flags, "-"], new StringReader(hex), stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        return stdout.ToString();
    }
}
