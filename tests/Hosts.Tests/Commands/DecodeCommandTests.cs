using System.Text.Json;
using Xunit;

namespace RSerPool.Hosts.Tests.Commands;

public sealed class DecodeCommandTests
{
    private static readonly string VectorDirectory = Path.Combine(AppContext.BaseDirectory, "Vectors");

    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(VectorDirectory, "*.hex").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, new StringReader(stdin), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string HexOf(string file) =>
        string.Concat(File.ReadAllText(file).Where(char.IsAsciiHexDigit)).ToLowerInvariant();

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Reencode_prints_the_vector_bytes_back_as_one_line_of_lowercase_hex(string vector)
    {
        var path = Path.Combine(VectorDirectory, vector);
        var (code, stdout, stderr) = Run("", "decode", "--reencode", path);

        Assert.True(code == 0, stderr);
        Assert.Equal(HexOf(path) + Environment.NewLine, stdout);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Json_output_is_valid_json_naming_protocol_and_type(string vector)
    {
        var (code, stdout, stderr) = Run("", "decode", "--json", Path.Combine(VectorDirectory, vector));

        Assert.True(code == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal(vector.StartsWith("enrp-", StringComparison.Ordinal) ? "enrp" : "asap", document.RootElement.GetProperty("protocol").GetString());
        Assert.Equal(JsonValueKind.Object, document.RootElement.GetProperty("fields").ValueKind);
    }

    [Fact]
    public void Text_output_shows_every_field_of_a_registration()
    {
        var (code, stdout, _) = Run("", "decode", Path.Combine(VectorDirectory, "asap-registration-leastused.hex"));

        Assert.Equal(0, code);
        Assert.Contains("ASAP Registration (type 0x01, 84 bytes)", stdout);
        Assert.Contains("\"CalcAppPool\"", stdout);
        Assert.Contains("0x5e6f7081", stdout);
        Assert.Contains("90000 ms", stdout);
        Assert.Contains("192.0.2.11", stdout);
        Assert.Contains("2001:db8::11", stdout);
        Assert.Contains("LeastUsed (0x40000001)", stdout);
        Assert.Contains("25.00 %", stdout);
    }

    [Fact]
    public void Standard_input_is_read_with_dash_and_protocol_is_taken_from_the_flag()
    {
        // ENRP List Request (RFC 5353 §2.5): sender 0x0a0b0c0d, receiver 0.
        var (code, stdout, _) = Run("05 00 00 0c\n0a 0b 0c 0d\n00 00 00 00\n", "decode", "--protocol", "enrp", "-");

        Assert.Equal(0, code);
        Assert.Contains("ENRP ListRequest", stdout);
        Assert.Contains("0x0a0b0c0d", stdout);
    }

    [Theory]
    [InlineData("truncated header", "01 00")]
    [InlineData("length beyond input", "0e 00 00 30 00 0c 00 04")]
    [InlineData("parameter length below 4", "0e 00 00 08 00 0c 00 02")]
    public void Malformed_message_exits_1_with_cause_and_offset_on_stderr(string description, string hex)
    {
        var (code, stdout, stderr) = Run(hex, "decode", "-");

        Assert.True(code == 1, description);
        Assert.Equal("", stdout);
        Assert.Contains("malformed ASAP message", stderr);
        Assert.Contains("at offset", stderr);
    }

    [Theory]
    [InlineData("0e 0", "odd number of hex digits")]
    [InlineData("0e zz", "not a hex digit")]
    public void Text_that_is_not_hex_is_a_usage_error(string input, string expected)
    {
        var (code, _, stderr) = Run(input, "decode", "-");

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void Unknown_option_and_bad_protocol_are_usage_errors()
    {
        Assert.Equal(2, Run("", "decode", "--protocol", "sctp", "-").ExitCode);
        Assert.Equal(2, Run("", "decode", "--bogus", "-").ExitCode);
        Assert.Equal(2, Run("", "decode", Path.Combine(VectorDirectory, "no-such-file.hex")).ExitCode);
    }
}
