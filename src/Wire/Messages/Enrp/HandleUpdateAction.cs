// Update Action of ENRP_HANDLE_UPDATE (RFC 5353 §2.4).
namespace RSerPool.Wire.Messages.Enrp;

public enum HandleUpdateAction : ushort
{
    AddPoolElement = 0x0000,
    DeletePoolElement = 0x0001,
}
