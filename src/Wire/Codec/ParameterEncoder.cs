// Encoders of the parameters (RFC 5354 §3, docs/protocol-notes.md §4) in the order and form RSPLIB sends them.
using System.Net;
using System.Net.Sockets;
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Codec;

internal static class ParameterEncoder
{
    /// <summary>Pool Handle (0x0009); at least one byte is required (docs/protocol-notes.md §4).</summary>
    public static void WritePoolHandle(ref TlvWriter writer, PoolHandle handle)
    {
        if (handle.IsEmpty)
        {
            ThrowHelper.ThrowEmptyValue("Pool Handle");
        }

        int start = writer.BeginParameter((ushort)ParameterType.PoolHandle);
        writer.WriteBytes(handle.Span);
        writer.EndParameter(start);
    }

    /// <summary>PE Identifier (0x000E), length 8.</summary>
    public static void WritePeIdentifier(ref TlvWriter writer, uint identifier) =>
        WriteUInt32Parameter(ref writer, ParameterType.PeIdentifier, identifier);

    /// <summary>Handle Resolution Option (0x803F), length 8.</summary>
    public static void WriteHandleResolutionOption(ref TlvWriter writer, uint items) =>
        WriteUInt32Parameter(ref writer, ParameterType.HandleResolutionOption, items);

    /// <summary>PE Checksum (0x000F): length 6 plus 2 padding bytes (docs/protocol-notes.md §4).</summary>
    public static void WritePeChecksum(ref TlvWriter writer, ushort checksum)
    {
        int start = writer.BeginParameter((ushort)ParameterType.PeChecksum);
        writer.WriteUInt16(checksum);
        writer.EndParameter(start);
    }

    /// <summary>Cookie (0x000D), sent as given; at least one byte is required (docs/protocol-notes.md §4).</summary>
    public static void WriteCookie(ref TlvWriter writer, ValueArray<byte> cookie)
    {
        if (cookie.IsEmpty)
        {
            ThrowHelper.ThrowEmptyValue("Cookie");
        }

        int start = writer.BeginParameter((ushort)ParameterType.Cookie);
        writer.WriteBytes(cookie.AsSpan());
        writer.EndParameter(start);
    }

    public static void WriteAddress(ref TlvWriter writer, IPAddress address)
    {
        ParameterType type = address.AddressFamily == AddressFamily.InterNetwork ? ParameterType.Ipv4Address : ParameterType.Ipv6Address;
        int start = writer.BeginParameter((ushort)type);
        writer.WriteAddressBytes(address);
        writer.EndParameter(start);
    }

    /// <summary>Transport: port, Transport Use (SCTP/TCP) or reserved 0, DCCP service code, then the addresses.</summary>
    public static void WriteTransport(ref TlvWriter writer, TransportParameter transport)
    {
        if (transport.Addresses.IsEmpty)
        {
            ThrowHelper.ThrowTransportWithoutAddress();
        }

        int start = writer.BeginParameter((ushort)transport.ParameterType);
        writer.WriteUInt16(transport.Port);
        switch (transport)
        {
            case SctpTransport sctp:
                writer.WriteUInt16((ushort)sctp.TransportUse);
                break;
            case TcpTransport tcp:
                writer.WriteUInt16((ushort)tcp.TransportUse);
                break;
            case DccpTransport dccp:
                writer.WriteUInt16(0);
                writer.WriteUInt32(dccp.ServiceCode);
                break;
            default:
                writer.WriteUInt16(0);
                break;
        }

        foreach (IPAddress address in transport.Addresses)
        {
            WriteAddress(ref writer, address);
        }

        writer.EndParameter(start);
    }

    public static void WritePolicy(ref TlvWriter writer, PoolMemberSelectionPolicy policy)
    {
        int start = writer.BeginParameter((ushort)ParameterType.PoolMemberSelectionPolicy);
        writer.WriteUInt32((uint)policy.Type);
        foreach (uint value in policy.Values)
        {
            writer.WriteUInt32(value);
        }

        writer.WriteBytes(policy.TrailingBytes.AsSpan());
        writer.EndParameter(start);
    }

    /// <summary>Order: ID, home ID, life, user transport, policy, ASAP transport (docs/protocol-notes.md §4).</summary>
    public static void WritePoolElement(ref TlvWriter writer, PoolElement element)
    {
        int start = writer.BeginParameter((ushort)ParameterType.PoolElement);
        writer.WriteUInt32(element.Identifier);
        writer.WriteUInt32(element.HomeServerIdentifier);
        writer.WriteUInt32(unchecked((uint)element.RegistrationLifeMs));
        WriteTransport(ref writer, element.UserTransport);
        WritePolicy(ref writer, element.Policy);
        if (element.AsapTransport is not null)
        {
            WriteTransport(ref writer, element.AsapTransport);
        }

        writer.EndParameter(start);
    }

    public static void WriteServerInformation(ref TlvWriter writer, ServerInformation information)
    {
        int start = writer.BeginParameter((ushort)ParameterType.ServerInformation);
        writer.WriteUInt32(information.ServerIdentifier);
        WriteTransport(ref writer, information.Transport);
        writer.EndParameter(start);
    }

    /// <summary>Causes: | Code | Length = 4 + info | info | padding |; the outer length counts the inner padding.</summary>
    public static void WriteOperationError(ref TlvWriter writer, OperationError error)
    {
        int start = writer.BeginParameter((ushort)ParameterType.OperationError);
        foreach (ErrorCause cause in error.Causes)
        {
            int causeStart = writer.BeginParameter((ushort)cause.Code);
            writer.WriteBytes(cause.Information.AsSpan());
            writer.EndParameter(causeStart);
        }

        writer.EndParameter(start);
    }

    private static void WriteUInt32Parameter(ref TlvWriter writer, ParameterType type, uint value)
    {
        int start = writer.BeginParameter((ushort)type);
        writer.WriteUInt32(value);
        writer.EndParameter(start);
    }
}
