using System.Net;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Tests.Support;
using Xunit;

namespace RSerPool.Wire.Tests.Codec;

// Every DecodeStatus reached by malformed input: status and the byte offset where it was found.
public class MalformedMessageTests
{
    private const string Ph = SpecBytes.PoolHandleEchoPool;
    private const string PeId = SpecBytes.PeIdentifier;
    private const string Ids = "0a0b0c0d 1f2e3d4c";

    // Registration PE with the given user transport and policy; lengths filled by the row.
    public static TheoryData<string, string, string, DecodeStatus, int> Cases => new()
    {
        { "empty input", "asap", "", DecodeStatus.MessageTooShort, 0 },
        { "three header bytes", "asap", "01 00 00", DecodeStatus.MessageTooShort, 3 },
        { "message length 2", "asap", "02 00 0002", DecodeStatus.InvalidMessageLength, 2 },
        { "keep alive without room for the server id", "asap", "07 00 0004", DecodeStatus.InvalidMessageLength, 2 },
        { "server announce length 6 leaves no server id", "asap", "0a 00 0006 0000 0000", DecodeStatus.InvalidMessageLength, 2 },
        { "enrp length 8 leaves no receiver id", "enrp", "05 00 0008 0a0b0c0d", DecodeStatus.InvalidMessageLength, 2 },
        { "handle update without action field", "enrp", "04 00 000c " + Ids, DecodeStatus.InvalidMessageLength, 2 },
        { "takeover without target", "enrp", "07 00 000c " + Ids, DecodeStatus.InvalidMessageLength, 2 },
        { "input shorter than message length", "asap", "02 00 0018 " + Ph + " 000e 0008", DecodeStatus.TruncatedMessage, 20 },
        { "final padding missing from input", "asap", "05 00 000d 0009 0009 506f6f6c31", DecodeStatus.TruncatedMessage, 13 },
        { "bytes after the message", "asap", "02 00 0018 " + Ph + " " + PeId + " 00000000", DecodeStatus.TrailingBytes, 24 },
        { "asap type 0x0f", "asap", "0f 00 0004", DecodeStatus.UnrecognizedMessageType, 0 },
        { "asap type 0x00", "asap", "00 00 0004", DecodeStatus.UnrecognizedMessageType, 0 },
        { "enrp type 0x0b", "enrp", "0b 00 000c " + Ids, DecodeStatus.UnrecognizedMessageType, 0 },
        { "parameter length 3", "asap", "02 00 0008 0009 0003", DecodeStatus.ParameterTooShort, 6 },
        { "parameter length 0", "asap", "02 00 0008 0009 0000", DecodeStatus.ParameterTooShort, 6 },
        { "error cause length 2", "asap", "0e 00 000c 000c 0008 0001 0002", DecodeStatus.ParameterTooShort, 10 },
        { "parameter longer than the message", "asap", "02 00 0010 0009 0010 41424344 45464748", DecodeStatus.ParameterOverrun, 6 },
        { "cause padding outside the operation error", "asap", "0e 00 0010 000c 000b 0001 0007 aabbcc 00", DecodeStatus.ParameterOverrun, 10 },
        { "address longer than its transport", "asap",
            "01 00 0034 " + Ph + " 000a 0024 1a2b3c4d 00000000 00015f90 0004 000c 1389 0000 0001 0008 " + SpecBytes.PolicyRoundRobin,
            DecodeStatus.ParameterOverrun, 42 },
        { "pe identifier length 12", "asap", "02 00 001c " + Ph + " 000e 000c 1a2b3c4d 00000000", DecodeStatus.InvalidParameterLength, 18 },
        { "pe identifier length 4", "asap", "02 00 0014 " + Ph + " 000e 0004", DecodeStatus.InvalidParameterLength, 18 },
        { "empty pool handle", "asap", "05 00 0008 0009 0004", DecodeStatus.InvalidParameterLength, 6 },
        { "empty cookie", "asap", "0b 00 0008 000d 0004", DecodeStatus.InvalidParameterLength, 6 },
        { "handle resolution option length 12", "asap", "05 00 001c " + Ph + " 803f 000c ffffffff 00000000", DecodeStatus.InvalidParameterLength, 18 },
        { "pe checksum length 8", "enrp", "01 00 0014 " + Ids + " 000f 0008 ff39 0000", DecodeStatus.InvalidParameterLength, 14 },
        { "ipv4 address length 12", "asap",
            "01 00 003c " + Ph + " 000a 002c 1a2b3c4d 00000000 00015f90 0004 0014 1389 0000 0001 000c c000020a 00000000 " + SpecBytes.PolicyRoundRobin,
            DecodeStatus.InvalidParameterLength, 42 },
        { "ipv6 address length 8", "asap",
            "01 00 0038 " + Ph + " 000a 0028 1a2b3c4d 00000000 00015f90 0004 0010 1389 0000 0002 0008 20010db8 " + SpecBytes.PolicyRoundRobin,
            DecodeStatus.InvalidParameterLength, 42 },
        { "pool element without room for its fixed fields", "asap", "01 00 001c " + Ph + " 000a 000c 1a2b3c4d 00000000", DecodeStatus.InvalidParameterLength, 18 },
        { "dccp transport without service code", "asap",
            "01 00 0030 " + Ph + " 000a 0020 1a2b3c4d 00000000 00015f90 0003 0008 1389 0000 " + SpecBytes.PolicyRoundRobin,
            DecodeStatus.InvalidParameterLength, 34 },
        { "policy without policy type", "asap",
            "01 00 0034 " + Ph + " 000a 0024 1a2b3c4d 00000000 00015f90 " + SpecBytes.SctpTransport5001 + " 0008 0004",
            DecodeStatus.InvalidParameterLength, 50 },
        { "server information without server id", "enrp", "01 00 0010 " + Ids + " 000b 0004", DecodeStatus.InvalidParameterLength, 14 },
        { "weighted round robin without weight", "asap",
            "01 00 0038 " + Ph + " 000a 0028 1a2b3c4d 00000000 00015f90 " + SpecBytes.SctpTransport5001 + " 0008 0008 00000002",
            DecodeStatus.PolicyTooShort, 56 },
        { "least used with degradation with one value", "asap",
            "01 00 003c " + Ph + " 000a 002c 1a2b3c4d 00000000 00015f90 " + SpecBytes.SctpTransport5001 + " 0008 000c 40000002 40000000",
            DecodeStatus.PolicyTooShort, 60 },
        { "registration without pool element", "asap", "01 00 0010 " + Ph, DecodeStatus.MissingParameter, 16 },
        { "deregistration without pe identifier", "asap", "02 00 0010 " + Ph, DecodeStatus.MissingParameter, 16 },
        { "error without operation error", "asap", "0e 00 0004", DecodeStatus.MissingParameter, 4 },
        { "cookie message without cookie", "asap", "0b 00 0004", DecodeStatus.MissingParameter, 4 },
        { "business card without pool element", "asap", "0d 00 0010 " + Ph, DecodeStatus.MissingParameter, 16 },
        { "keep alive without pool handle", "asap", "07 00 0008 0a0b0c0d", DecodeStatus.MissingParameter, 8 },
        { "handle update without pool element", "enrp", "04 00 001c " + Ids + " 0000 0000 " + Ph, DecodeStatus.MissingParameter, 28 },
        { "transport without address", "asap",
            "01 00 0030 " + Ph + " 000a 0020 1a2b3c4d 00000000 00015f90 0004 0008 1389 0000 " + SpecBytes.PolicyRoundRobin,
            DecodeStatus.MissingParameter, 40 },
        { "pool element without policy", "asap",
            "01 00 0030 " + Ph + " 000a 0020 1a2b3c4d 00000000 00015f90 " + SpecBytes.SctpTransport5001, DecodeStatus.MissingParameter, 48 },
        { "server information without transport", "enrp", "01 00 0014 " + Ids + " 000b 0008 0a0b0c0d", DecodeStatus.MissingParameter, 20 },
        { "unknown parameter with action bits 00", "asap", "02 00 001c " + Ph + " 0077 0004 " + PeId, DecodeStatus.UnrecognizedParameter, 16 },
        { "unknown parameter with action bits 01", "asap", "02 00 001c " + Ph + " 4077 0004 " + PeId, DecodeStatus.UnrecognizedParameterReported, 16 },
        { "known parameter where it is not allowed", "asap", "02 00 0020 " + Ph + " " + PeId + " 000d 0008 cafebabe", DecodeStatus.UnrecognizedParameter, 24 },
        { "second pool handle", "asap", "02 00 0024 " + Ph + " " + Ph + " " + PeId, DecodeStatus.UnrecognizedParameter, 16 },
        { "pool element before any pool handle in a handle table", "enrp", "03 00 0044 " + Ids + " " + SpecBytes.PoolElementWithAsapTransport, DecodeStatus.UnrecognizedParameter, 12 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_input_gives_the_named_status_and_offset(string description, string protocol, string hex, DecodeStatus status, int offset)
    {
        byte[] bytes = Hex.Parse(hex);

        DecodeError error = TryDecode(protocol, bytes);

        Assert.True(status == error.Status, $"{description}: expected {status}, got {error}");
        Assert.True(offset == error.Offset, $"{description}: expected offset {offset}, got {error}");
        RSerPoolWireException thrown = Assert.Throws<RSerPoolWireException>(() => Decode(protocol, bytes));
        Assert.Equal(error, thrown.Error);
    }

    [Fact]
    public void Message_longer_than_the_limit_is_rejected_before_parsing()
    {
        byte[] bytes = Hex.Parse("02 00 0018 " + Ph + " " + PeId);
        var limits = new WireLimits { MaxMessageLength = 20 };

        Assert.False(AsapDecoder.TryDecode(bytes, limits, out _, out DecodeError error, out _));

        Assert.Equal(DecodeStatus.MessageTooLong, error.Status);
        Assert.Equal(ErrorCauseCode.LackOfResources, error.ResponseCause);
    }

    [Fact]
    public void More_parameters_than_the_limit_are_rejected()
    {
        // Handle resolution: handle + option = 2 parameters.
        byte[] bytes = Hex.Parse("05 00 0018 " + Ph + " 803f 0008 00000001");

        Assert.True(AsapDecoder.TryDecode(bytes, new WireLimits { MaxParametersPerMessage = 2 }, out _, out _, out _));
        Assert.False(AsapDecoder.TryDecode(bytes, new WireLimits { MaxParametersPerMessage = 1 }, out _, out DecodeError error, out _));

        Assert.Equal(DecodeStatus.TooManyParameters, error.Status);
        Assert.Equal(16, error.Offset);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_rejected()
    {
        // Registration: handle/PE depth 1, transport/policy depth 2, address depth 3.
        byte[] bytes = Hex.Parse(SpecBytes.Registration);

        Assert.True(AsapDecoder.TryDecode(bytes, new WireLimits { MaxNestingDepth = 3 }, out _, out _, out _));
        Assert.False(AsapDecoder.TryDecode(bytes, new WireLimits { MaxNestingDepth = 2 }, out _, out DecodeError error, out _));

        Assert.Equal(DecodeStatus.NestingTooDeep, error.Status);
        Assert.Equal(40, error.Offset);
    }

    [Fact]
    public void More_addresses_than_the_limit_are_rejected()
    {
        // Server announce with an SCTP transport holding two IPv4 addresses: 4 + 4 + 4 + 4 + 8 + 8 = 32 (0x20).
        byte[] bytes = Hex.Parse("0a 00 0020 0a0b0c0d 0004 0018 0e4f 0000 0001 0008 c6336401 0001 0008 c6336402");

        Assert.True(AsapDecoder.TryDecode(bytes, new WireLimits { MaxAddressesPerTransport = 2 }, out _, out _, out _));
        Assert.False(AsapDecoder.TryDecode(bytes, new WireLimits { MaxAddressesPerTransport = 1 }, out _, out DecodeError error, out _));

        Assert.Equal(DecodeStatus.TooManyAddresses, error.Status);
        Assert.Equal(24, error.Offset);
        Assert.Equal(8, error.ParameterOffset);
    }

    [Fact]
    public void Every_failure_status_is_covered_by_a_test_case()
    {
        var covered = new HashSet<DecodeStatus>(Cases.Select(row => (DecodeStatus)row[3]))
        {
            DecodeStatus.MessageTooLong,
            DecodeStatus.TooManyParameters,
            DecodeStatus.NestingTooDeep,
            DecodeStatus.TooManyAddresses,
        };

        foreach (DecodeStatus status in Enum.GetValues<DecodeStatus>().Where(s => s != DecodeStatus.Success))
        {
            Assert.Contains(status, covered);
        }
    }

    [Fact]
    public void Failed_try_decode_gives_null_message()
    {
        Assert.False(AsapDecoder.TryDecode(Hex.Parse("0f 00 0004"), out AsapMessage? message, out _));
        Assert.Null(message);
    }

    private static DecodeError TryDecode(string protocol, byte[] bytes)
    {
        DecodeError error;
        bool ok = protocol == "enrp"
            ? EnrpDecoder.TryDecode(bytes, out _, out error)
            : AsapDecoder.TryDecode(bytes, out _, out error);
        Assert.False(ok);
        return error;
    }

    private static object Decode(string protocol, byte[] bytes) =>
        protocol == "enrp" ? EnrpDecoder.Decode(bytes) : AsapDecoder.Decode(bytes);
}
