// Hand-built byte fragments taken from the parameter layouts of docs/protocol-notes.md §4 (RFC 5354 §3), used to assemble
// test messages independently of the encoder. Lengths are worked out by hand in the comments.
using System.Net;
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Tests.Codec;

internal static class SpecBytes
{
    // Pool Handle "EchoPool": type 0x0009, length 4 + 8 = 12, no padding.
    public const string PoolHandleEchoPool = "0009 000c 4563686f506f6f6c";

    // Pool Handle "Pool1" (5 bytes): length 9, then 3 padding bytes.
    public const string PoolHandlePool1 = "0009 0009 506f6f6c31 000000";

    // PE Identifier 0x1a2b3c4d: type 0x000e, length 8.
    public const string PeIdentifier = "000e 0008 1a2b3c4d";

    // SCTP Transport: port 5001 (0x1389), DATA PLUS CONTROL, one IPv4 address 192.0.2.10: length 4 + 4 + 8 = 16.
    public const string SctpTransport5001 = "0004 0010 1389 0001 0001 0008 c000020a";

    // SCTP Transport: port 40001 (0x9c41), DATA ONLY, IPv4 192.0.2.10 (an ASAP transport).
    public const string SctpTransport40001 = "0004 0010 9c41 0000 0001 0008 c000020a";

    // Round Robin policy: type 0x0008, length 8, policy 0x00000001.
    public const string PolicyRoundRobin = "0008 0008 00000001";

    // Pool Element 0x1a2b3c4d, home 0, life 90000 (0x00015f90), SCTP 5001, Round Robin: length 4 + 12 + 16 + 8 = 40 (0x28).
    public const string PoolElement = "000a 0028 1a2b3c4d 00000000 00015f90 " + SctpTransport5001 + " " + PolicyRoundRobin;

    // The same PE with home 0x0a0b0c0d and an ASAP transport: length 40 + 16 = 56 (0x38).
    public const string PoolElementWithAsapTransport =
        "000a 0038 1a2b3c4d 0a0b0c0d 00015f90 " + SctpTransport5001 + " " + PolicyRoundRobin + " " + SctpTransport40001;

    // Operation Error with one cause 0x0009 Unknown Pool Handle without information: 4 + 4 = 8.
    public const string OperationErrorUnknownPoolHandle = "000c 0008 0009 0004";

    // Server Information: server 0x0a0b0c0d, SCTP port 9901 (0x26ad), DATA ONLY, IPv4 198.51.100.1: length 4 + 4 + 16 = 24.
    public const string ServerInformation = "000b 0018 0a0b0c0d 0004 0010 26ad 0000 0001 0008 c6336401";

    // Registration: 4 + 12 + 40 = 56 (0x38).
    public const string Registration = "01 00 0038 " + PoolHandleEchoPool + " " + PoolElement;

    public static PoolHandle EchoPool => PoolHandle.FromString("EchoPool");

    public static SctpTransport Sctp5001 =>
        new(5001, TransportUse.DataPlusControl, [IPAddress.Parse("192.0.2.10")]);

    public static PoolElement Element =>
        new(0x1a2b3c4d, 0, 90000, Sctp5001, PoolMemberSelectionPolicy.RoundRobin());
}
