// Base of the 10 ENRP messages (RFC 5353 §2):
// | Type (8) | Flags (8) | Length (16) | Sender Server's ID (32) | Receiver Server's ID (32) | ...
// Flags: defined bits are typed bool properties of the concrete records; undefined bits are sent as 0 and ignored
// on receipt, so they are neither kept nor part of equality.
namespace RSerPool.Wire.Messages.Enrp;

/// <param name="SenderServerId">Sender Server's ID.</param>
/// <param name="ReceiverServerId">Receiver Server's ID (0 = not known yet, multicast).</param>
public abstract record EnrpMessage(uint SenderServerId, uint ReceiverServerId)
{
    public abstract EnrpMessageType Type { get; }
}
