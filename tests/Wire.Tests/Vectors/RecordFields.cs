using System.Buffers.Binary;
using System.Net;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Tests.Vectors;

/// <summary>
/// Lists the fields of a decoded message record in wire order, under the field names the vectors'
/// <c>.txt</c> files use, each as its big-endian bytes. It reads the record's properties only (never the
/// encoder), so comparing it with <see cref="VectorExpectations"/> checks the decoder against the vector text.
/// </summary>
public static class RecordFields
{
    public static List<(string Name, string Value)> Of(AsapMessage message)
    {
        var fields = new Fields();
        fields.Add("Message Type", (byte)message.Type);
        switch (message)
        {
            case AsapRegistration m:
                fields.Add("Message Flags", 0);
                fields.Handle(m.PoolHandle);
                fields.Element(m.PoolElement);
                break;
            case AsapDeregistration m:
                fields.Add("Message Flags", 0);
                fields.Handle(m.PoolHandle);
                fields.Add("PE Identifier", m.PoolElementIdentifier);
                break;
            case AsapRegistrationResponse m:
                fields.Add("Message Flags", m.Rejected ? AsapRegistrationResponse.RejectedFlag : 0);
                fields.Handle(m.PoolHandle);
                fields.Add("PE Identifier", m.PoolElementIdentifier);
                fields.Error(m.Error);
                break;
            case AsapDeregistrationResponse m:
                fields.Add("Message Flags", 0);
                fields.Handle(m.PoolHandle);
                fields.Add("PE Identifier", m.PoolElementIdentifier);
                fields.Error(m.Error);
                break;
            case AsapHandleResolution m:
                fields.Add("Message Flags", 0);
                fields.Handle(m.PoolHandle);
                if (m.Items is { } items)
                {
                    fields.Add("Items", items);
                }

                break;
            case AsapHandleResolutionResponse m:
                fields.Add("Message Flags", 0);
                fields.Handle(m.PoolHandle);
                fields.Policy(m.Policy);
                foreach (PoolElement element in m.PoolElements)
                {
                    fields.Element(element);
                }

                fields.Error(m.Error);
                break;
            case AsapEndpointKeepAlive m:
                fields.Add("Message Flags", m.HomeFlag ? AsapEndpointKeepAlive.HomeFlagBit : 0);
                fields.Add("Server Identifier", m.ServerIdentifier);
                fields.Handle(m.PoolHandle);
                if (m.PoolElementIdentifier is { } id)
                {
                    fields.Add("PE Identifier", id);
                }

                break;
            case AsapEndpointKeepAliveAck m:
                fields.Add("Message Flags", 0);
                fields.Handle(m.PoolHandle);
                fields.Add("PE Identifier", m.PoolElementIdentifier);
                break;
            case AsapEndpointUnreachable m:
                fields.Add("Message Flags", 0);
                fields.Handle(m.PoolHandle);
                fields.Add("PE Identifier", m.PoolElementIdentifier);
                break;
            case AsapServerAnnounce m:
                fields.Add("Message Flags", 0);
                fields.Add("Server Identifier", m.ServerIdentifier);
                foreach (TransportParameter transport in m.Transports)
                {
                    fields.Transport(transport);
                }

                break;
            case AsapCookie m:
                fields.Add("Message Flags", 0);
                fields.Add("Cookie", m.Cookie.ToArray());
                break;
            case AsapCookieEcho m:
                fields.Add("Message Flags", 0);
                fields.Add("Cookie", m.Cookie.ToArray());
                break;
            case AsapBusinessCard m:
                fields.Add("Message Flags", 0);
                fields.Handle(m.PoolHandle);
                fields.Policy(m.Policy);
                foreach (PoolElement element in m.PoolElements)
                {
                    fields.Element(element);
                }

                break;
            case AsapError m:
                fields.Add("Message Flags", 0);
                fields.Error(m.Error);
                break;
            default:
                throw new ArgumentException($"unexpected record {message.GetType().Name}", nameof(message));
        }

        return fields.List;
    }

    public static List<(string Name, string Value)> Of(EnrpMessage message)
    {
        var fields = new Fields();
        fields.Add("Message Type", (byte)message.Type);
        fields.Add("Message Flags", message switch
        {
            EnrpPresence m => m.ReplyRequired ? EnrpPresence.ReplyRequiredFlag : 0,
            EnrpHandleTableRequest m => m.OwnChildrenOnly ? EnrpHandleTableRequest.OwnChildrenOnlyFlag : 0,
            EnrpHandleTableResponse m => (m.Rejected ? EnrpHandleTableResponse.RejectedFlag : 0)
                | (m.MoreToSend ? EnrpHandleTableResponse.MoreToSendFlag : 0),
            EnrpHandleUpdate m => m.TakeoverSuggested ? EnrpHandleUpdate.TakeoverSuggestedFlag : 0,
            EnrpListResponse m => m.Rejected ? EnrpListResponse.RejectedFlag : 0,
            _ => 0,
        });
        fields.Add("Sender Server's ID", message.SenderServerId);
        fields.Add("Receiver Server's ID", message.ReceiverServerId);
        switch (message)
        {
            case EnrpPresence m:
                if (m.Checksum is { } checksum)
                {
                    fields.Add("PE Checksum", checksum);
                }

                if (m.ServerInformation is { } information)
                {
                    fields.Server(information);
                }

                break;
            case EnrpHandleTableResponse m:
                foreach (HandleTableEntry entry in m.Entries)
                {
                    fields.Handle(entry.PoolHandle);
                    foreach (PoolElement element in entry.PoolElements)
                    {
                        fields.Element(element);
                    }
                }

                break;
            case EnrpHandleUpdate m:
                fields.Add("Update Action", (ushort)m.Action);
                fields.Handle(m.PoolHandle);
                fields.Element(m.PoolElement);
                break;
            case EnrpListResponse m:
                foreach (ServerInformation server in m.Servers)
                {
                    fields.Server(server);
                }

                break;
            case EnrpInitTakeover m:
                fields.Add("Target Server's ID", m.TargetServerId);
                break;
            case EnrpInitTakeoverAck m:
                fields.Add("Target Server's ID", m.TargetServerId);
                break;
            case EnrpTakeoverServer m:
                fields.Add("Target Server's ID", m.TargetServerId);
                break;
            case EnrpError m:
                fields.Error(m.Error);
                break;
            case EnrpHandleTableRequest or EnrpListRequest:
                break;
            default:
                throw new ArgumentException($"unexpected record {message.GetType().Name}", nameof(message));
        }

        return fields.List;
    }

    private sealed class Fields
    {
        public List<(string Name, string Value)> List { get; } = [];

        public void Add(string name, byte[] value) => List.Add((name, Convert.ToHexStringLower(value)));

        public void Add(string name, byte value) => Add(name, [value]);

        public void Add(string name, int flags) => Add(name, checked((byte)flags));

        public void Add(string name, ushort value)
        {
            byte[] bytes = new byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
            Add(name, bytes);
        }

        public void Add(string name, uint value)
        {
            byte[] bytes = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
            Add(name, bytes);
        }

        public void Handle(PoolHandle handle) => Add("Pool Handle", handle.ToArray());

        public void Element(PoolElement element)
        {
            Add("PE Identifier", element.Identifier);
            Add("Home ENRP Server Identifier", element.HomeServerIdentifier);
            Add("Registration Life", unchecked((uint)element.RegistrationLifeMs));
            Transport(element.UserTransport);
            Policy(element.Policy);
            if (element.AsapTransport is { } asap)
            {
                Transport(asap);
            }
        }

        public void Transport(TransportParameter transport)
        {
            switch (transport)
            {
                case SctpTransport t:
                    Add("SCTP Port", t.Port);
                    Add("Transport Use", (ushort)t.TransportUse);
                    break;
                case TcpTransport t:
                    Add("TCP Port", t.Port);
                    Add("Transport Use", (ushort)t.TransportUse);
                    break;
                case UdpTransport t:
                    Add("UDP Port", t.Port);
                    break;
                case UdpLiteTransport t:
                    Add("UDP-Lite Port", t.Port);
                    break;
                case DccpTransport t:
                    Add("DCCP Port", t.Port);
                    Add("Service Code", t.ServiceCode);
                    break;
                default:
                    throw new ArgumentException($"unexpected transport {transport.GetType().Name}", nameof(transport));
            }

            foreach (IPAddress address in transport.Addresses)
            {
                Add(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? "IPv4 Address" : "IPv6 Address",
                    address.GetAddressBytes());
            }
        }

        public void Policy(PoolMemberSelectionPolicy? policy)
        {
            if (policy is null)
            {
                return;
            }

            Add("Policy Type", (uint)policy.Type);
            if (PolicyLayout.TryGet(policy.Type, out ReadOnlySpan<PolicyValueKind> layout))
            {
                for (int i = 0; i < layout.Length; i++)
                {
                    Add(ValueName(layout[i]), policy.Values[i]);
                }
            }

            if (!policy.TrailingBytes.IsEmpty)
            {
                Add("Policy Values", policy.TrailingBytes.ToArray());
            }
        }

        public void Server(ServerInformation server)
        {
            Add("Server Identifier", server.ServerIdentifier);
            Transport(server.Transport);
        }

        public void Error(OperationError? error)
        {
            if (error is null)
            {
                return;
            }

            foreach (ErrorCause cause in error.Causes)
            {
                Add("Cause Code", (ushort)cause.Code);
                if (!cause.Information.IsEmpty)
                {
                    Add("Cause Information", cause.Information.ToArray());
                }
            }
        }

        // Value names as docs/protocol-notes.md §13 and the vector texts spell them.
        private static string ValueName(PolicyValueKind kind) => kind switch
        {
            PolicyValueKind.Weight => "Weight",
            PolicyValueKind.Priority => "Priority",
            PolicyValueKind.Load => "Load",
            PolicyValueKind.LoadDegradation => "Load Degradation",
            PolicyValueKind.LoadDpf => "Load DPF",
            PolicyValueKind.WeightDpf => "Weight DPF",
            PolicyValueKind.Distance => "Distance",
            _ => kind.ToString(),
        };
    }
}
