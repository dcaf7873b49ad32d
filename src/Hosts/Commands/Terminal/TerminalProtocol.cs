using System.Text;
using RSerPool.Actors.Session;

namespace RSerPool.Hosts.Commands.Terminal;

/// <summary>
/// What <c>rserpool terminal</c> sends per input line and prints per answer: <see cref="Text"/> (the line as is; echo,
/// discard, ... services) or <see cref="PingPong"/> (RSPLIB's ping-pong protocol, <see cref="PingPongMessages"/>).
/// </summary>
public sealed class TerminalProtocol
{
    private long _pings;

    private TerminalProtocol(string name, uint payloadProtocolId)
    {
        Name = name;
        PayloadProtocolId = payloadProtocolId;
    }

    public static TerminalProtocol Text => new("text", 0);

    public static TerminalProtocol PingPong => new("pingpong", PingPongMessages.PayloadProtocolId);

    public string Name { get; }

    /// <summary>PPID of the data on an SCTP user transport (RFC 5352 §5).</summary>
    public uint PayloadProtocolId { get; }

    public static TerminalProtocol Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "text" => Text,
        "pingpong" => PingPong,
        _ => throw new ArgumentException($"--protocol: '{text}' is not text or pingpong"),
    };

    /// <summary>How sessions to SCTP PEs send: this protocol's PPID; request-response, so a reply acknowledges.</summary>
    public SctpSessionSettings SctpSettings(SctpSessionSettings settings) => settings with
    {
        DataPayloadProtocolId = PayloadProtocolId,
        ReplyWithReceivedPayloadProtocolId = false,
        Acknowledgement = SctpDataAcknowledgement.OnReply,
    };

    public byte[] Encode(string line) => Name == "pingpong"
        ? PingPongMessages.EncodePing((ulong)Interlocked.Increment(ref _pings), Encoding.UTF8.GetBytes(line))
        : Encoding.UTF8.GetBytes(line);

    public string Describe(ReadOnlySpan<byte> answer)
    {
        if (Name != "pingpong")
        {
            return Encoding.UTF8.GetString(answer);
        }
        return PingPongMessages.TryDecodePong(answer, out ulong message, out ulong reply, out var data)
            ? $"pong #{message} reply #{reply}: {Encoding.UTF8.GetString(data)}"
            : $"not a pong ({answer.Length} bytes)";
    }
}
