// ASAP message types (RFC 5352 §2.2).
namespace RSerPool.Wire.Messages.Asap;

public enum AsapMessageType : byte
{
    Registration = 0x01,
    Deregistration = 0x02,
    RegistrationResponse = 0x03,
    DeregistrationResponse = 0x04,
    HandleResolution = 0x05,
    HandleResolutionResponse = 0x06,
    EndpointKeepAlive = 0x07,
    EndpointKeepAliveAck = 0x08,
    EndpointUnreachable = 0x09,
    ServerAnnounce = 0x0A,
    Cookie = 0x0B,
    CookieEcho = 0x0C,
    BusinessCard = 0x0D,
    Error = 0x0E,
}
