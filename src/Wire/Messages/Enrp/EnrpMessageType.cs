// ENRP message types (RFC 5353 §2).
namespace RSerPool.Wire.Messages.Enrp;

public enum EnrpMessageType : byte
{
    Presence = 0x01,
    HandleTableRequest = 0x02,
    HandleTableResponse = 0x03,
    HandleUpdate = 0x04,
    ListRequest = 0x05,
    ListResponse = 0x06,
    InitTakeover = 0x07,
    InitTakeoverAck = 0x08,
    TakeoverServer = 0x09,
    Error = 0x0A,
}
