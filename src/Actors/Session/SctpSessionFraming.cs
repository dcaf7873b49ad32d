// The PU-PE channel over kernel SCTP (RFC 5352 §5): how shim frames map onto SCTP user messages and back,
// shared by the one-to-one and the one-to-many connection actors.
using Akka.Event;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Wire;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Session;

namespace RSerPool.Actors.Session;

/// <summary>
/// The per-association state of one SCTP session connection and its mapping of frames: DATA goes out as the bare
/// application bytes with the data PPID (the PPID of the last received application message when
/// <see cref="SctpSessionSettings.ReplyWithReceivedPayloadProtocolId"/>), ASAP frames as one ASAP message with PPID 11,
/// HEARTBEAT is answered locally (SCTP supervises the path itself, RFC 9260 §8.3), ACK frames are not sent; an
/// ack-requested message is acknowledged as <see cref="SctpSessionSettings.Acknowledgement"/> says. Received PPID 11
/// messages are ASAP (undecodable ones are logged and dropped), everything else is data numbered from 1.
/// Used by one actor only (not thread-safe).
/// </summary>
internal sealed class SctpSessionFraming
{
    private readonly SctpSessionSettings _settings;
    private readonly ILoggingAdapter _log;
    private uint _receivedSequence;
    private uint _replyPayloadProtocolId;
    private uint? _awaitingReplyUpTo;

    public SctpSessionFraming(SctpSessionSettings settings, ILoggingAdapter log)
    {
        _settings = settings;
        _log = log;
        _replyPayloadProtocolId = settings.DataPayloadProtocolId;
    }

    /// <summary>
    /// The SCTP message that carries <paramref name="frame"/> (null when nothing goes on the wire), and in
    /// <paramref name="localAnswer"/> the frame the connection answers its session with once the message is queued
    /// (the acknowledgement on send, a heartbeat ack), or null.
    /// </summary>
    public (byte[] Bytes, SctpSendInfo Info)? ToSctp(ShimFrame frame, out ShimFrame? localAnswer)
    {
        localAnswer = null;
        switch (frame)
        {
            case ShimDataFrame data:
                if (data.AckRequested)
                {
                    if (_settings.Acknowledgement == SctpDataAcknowledgement.OnSend)
                    {
                        localAnswer = new ShimAckFrame(data.Sequence);
                    }
                    else
                    {
                        _awaitingReplyUpTo = data.Sequence;
                    }
                }
                return (data.Payload.ToArray(), new SctpSendInfo(_settings.Stream, _replyPayloadProtocolId));
            case ShimAsapFrame asap:
                var bytes = new byte[AsapEncoder.GetEncodedLength(asap.Message)];
                AsapEncoder.Encode(asap.Message, bytes);
                return (bytes, _settings.ControlSendInfo);                   // RFC 5352 §5: control on PPID 11
            case ShimHeartbeatFrame heartbeat:
                localAnswer = new ShimHeartbeatAckFrame(heartbeat.Nonce);
                return null;
            default:
                return null;                                                 // ACK, HEARTBEAT-ACK: nothing on SCTP stands for them
        }
    }

    /// <summary>
    /// The frames one complete received message stands for, in order: the acknowledgement it implies (on reply), then
    /// the message itself (null when it was undecodable ASAP, logged with <paramref name="peer"/>).
    /// </summary>
    public (ShimFrame? Acknowledgement, ShimFrame? Message) FromSctp(byte[] message, uint payloadProtocolId, string peer)
    {
        if (payloadProtocolId == SctpPayloadProtocol.Asap)
        {
            if (AsapDecoder.TryDecode(message, WireLimits.Default, out var decoded, out var error, out _))
            {
                return (null, new ShimAsapFrame(decoded!));
            }
            _log.Warning("SCTP session with {Peer}: undecodable ASAP control message ({Length} bytes) dropped: {Error}", peer, message.Length, error);
            return (null, null);
        }
        if (_settings.ReplyWithReceivedPayloadProtocolId)
        {
            _replyPayloadProtocolId = payloadProtocolId;
        }
        ShimFrame? acknowledgement = null;
        if (_awaitingReplyUpTo is { } acknowledged)
        {
            _awaitingReplyUpTo = null;
            acknowledgement = new ShimAckFrame(acknowledged);
        }
        return (acknowledgement, new ShimDataFrame(++_receivedSequence, false, ValueArray.Create<byte>(message)));
    }
}
