using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Tests.Support;
using Xunit;

namespace RSerPool.Wire.Tests.Vectors;

// tests/Wire.Tests/Vectors: every vector decodes to the fields its .txt describes
// and re-encodes byte for byte.
public sealed class VectorTests
{
    public static TheoryData<string> Names => VectorFile.Names();

    [Fact]
    public void All_47_vectors_are_shipped_with_the_tests()
    {
        var names = VectorFile.AllNames().ToList();

        Assert.Equal(47, names.Count);
        Assert.Equal(36, names.Count(n => n.StartsWith("asap-", StringComparison.Ordinal)));
        Assert.Equal(11, names.Count(n => n.StartsWith("enrp-", StringComparison.Ordinal)));
        Assert.All(names, n => Assert.True(File.Exists(Path.Combine(RepositoryPaths.VectorDirectory, n + ".txt")), n));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Explanation_covers_every_byte_of_the_vector(string name)
    {
        // Guards the .txt parser: the bytes listed line by line, at their offsets, are the .hex file.
        VectorFile vector = VectorFile.Load(name);
        byte[] rebuilt = new byte[vector.Bytes.Length];
        int covered = 0;
        foreach (VectorField field in vector.Fields.Where(f => f.Offset >= 0))
        {
            Assert.Equal(covered, field.Offset);
            field.Bytes.CopyTo(rebuilt, field.Offset);
            covered += field.Bytes.Length;
        }

        Assert.Equal(vector.Bytes.Length, covered);
        Assert.Equal(vector.Bytes, rebuilt);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Vector_decodes_to_the_fields_its_explanation_lists(string name)
    {
        VectorFile vector = VectorFile.Load(name);

        bool decoded = WireCodec.TryDecode(vector.IsEnrp, vector.Bytes, out object? message, out DecodeError error);

        Assert.True(decoded, $"{name}: {error}");
        var expected = VectorExpectations.From(vector.Fields);
        var actual = message is EnrpMessage enrp ? RecordFields.Of(enrp) : RecordFields.Of((AsapMessage)message!);
        Assert.True(
            expected.SequenceEqual(actual),
            $"{name}:\n expected (from .txt): {string.Join("; ", expected)}\n decoded:              {string.Join("; ", actual)}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Vector_reencodes_byte_for_byte(string name)
    {
        VectorFile vector = VectorFile.Load(name);
        object message = WireCodec.Decode(vector.IsEnrp, vector.Bytes);

        byte[] encoded = WireCodec.Encode(message);

        Assert.True(
            vector.Bytes.AsSpan().SequenceEqual(encoded),
            $"{name}:\n vector:     {Hex.Format(vector.Bytes)}\n re-encoded: {Hex.Format(encoded)}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Vector_decodes_from_the_file_name_protocol_only(string name)
    {
        // The type spaces overlap (docs/protocol-notes.md §3), so the file name prefix picks the decoder.
        VectorFile vector = VectorFile.Load(name);

        object message = WireCodec.Decode(vector.IsEnrp, vector.Bytes);

        Assert.Equal(vector.IsEnrp, message is EnrpMessage);
        Assert.Equal(vector.Bytes[0], message is EnrpMessage e ? (byte)e.Type : (byte)((AsapMessage)message).Type);
    }

    // ---- explicit expectations for the vectors whose notes point out a detail -----------------------

    [Fact]
    public void Presence_carries_the_worked_example_checksum_ff39()
    {
        // Vectors/enrp-presence.txt notes and docs/protocol-notes.md §12
        var presence = Assert.IsType<EnrpPresence>(WireCodec.Decode(true, VectorFile.Load("enrp-presence").Bytes));
        byte[] echoPool = "EchoPool"u8.ToArray();

        Assert.Equal((ushort)0xff39, presence.Checksum);
        Assert.Equal(PeChecksum.Empty.Add(echoPool, 0x1a2b3c4d).Add(echoPool, 0x5e6f7081).Finish(), presence.Checksum);
        Assert.True(presence.ReplyRequired);
        Assert.Equal(0x0a0b0c0du, presence.ServerInformation!.ServerIdentifier);
        Assert.Equal((ushort)9901, presence.ServerInformation.Transport.Port);
    }

    [Fact]
    public void Registration_with_an_eleven_byte_handle_keeps_the_handle_without_its_padding()
    {
        // vectors/asap-registration-leastused.txt: 'CalcAppPool' is 11 bytes, one padding byte follows
        var registration = Assert.IsType<AsapRegistration>(WireCodec.Decode(false, VectorFile.Load("asap-registration-leastused").Bytes));

        Assert.Equal("CalcAppPool"u8.ToArray(), registration.PoolHandle.ToArray());
        Assert.Equal(0u, registration.PoolElement.HomeServerIdentifier);
        Assert.Equal(90000, registration.PoolElement.RegistrationLifeMs);
        var transport = Assert.IsType<SctpTransport>(registration.PoolElement.UserTransport);
        Assert.Equal(2, transport.Addresses.Count);
        Assert.Equal(PolicyType.LeastUsed, registration.PoolElement.Policy.Type);
        Assert.Equal(0x40000000u, registration.PoolElement.Policy.Load);
        Assert.Null(registration.PoolElement.AsapTransport);
    }

    [Fact]
    public void Handle_table_response_holds_one_pool_with_two_pes_and_their_asap_transports()
    {
        // vectors/enrp-handle-table-response.txt: M=1, ENRP PE parameters carry the ASAP transport
        var response = Assert.IsType<EnrpHandleTableResponse>(WireCodec.Decode(true, VectorFile.Load("enrp-handle-table-response").Bytes));

        Assert.True(response.MoreToSend);
        Assert.False(response.Rejected);
        HandleTableEntry entry = Assert.Single(response.Entries);
        Assert.Equal(2, entry.PoolElements.Count);
        Assert.Equal(new ushort[] { 40001, 40002 }, entry.PoolElements.Select(e => e.AsapTransport!.Port));
        Assert.All(entry.PoolElements, e => Assert.Equal(TransportUse.DataOnly, Assert.IsType<SctpTransport>(e.AsapTransport).TransportUse));
    }

    [Fact]
    public void Handle_update_del_is_a_deletion_that_still_carries_the_whole_pe()
    {
        var update = Assert.IsType<EnrpHandleUpdate>(WireCodec.Decode(true, VectorFile.Load("enrp-handle-update-del").Bytes));

        Assert.Equal(HandleUpdateAction.DeletePoolElement, update.Action);
        Assert.NotNull(update.PoolElement.AsapTransport);
    }

    [Fact]
    public void Rejected_registration_response_keeps_the_policy_parameter_as_cause_information()
    {
        // vectors/asap-registration-response-reject.txt: cause 5 carries the offending 12-byte policy TLV
        var response = Assert.IsType<AsapRegistrationResponse>(WireCodec.Decode(false, VectorFile.Load("asap-registration-response-reject").Bytes));

        Assert.True(response.Rejected);
        ErrorCause cause = Assert.Single(response.Error!.Causes);
        Assert.Equal(ErrorCauseCode.InconsistentPoolingPolicy, cause.Code);
        Assert.Equal(Hex.Parse("00 08 00 0c 40 00 00 01 40 00 00 00"), cause.Information.ToArray());
    }

    [Fact]
    public void Handle_resolution_response_error_has_no_policy_and_no_pe()
    {
        // vectors/asap-handle-resolution-response-error.txt: cause 9 without information, no flag
        var response = Assert.IsType<AsapHandleResolutionResponse>(WireCodec.Decode(false, VectorFile.Load("asap-handle-resolution-response-error").Bytes));

        Assert.Null(response.Policy);
        Assert.True(response.PoolElements.IsEmpty);
        ErrorCause cause = Assert.Single(response.Error!.Causes);
        Assert.Equal(ErrorCauseCode.UnknownPoolHandle, cause.Code);
        Assert.True(cause.Information.IsEmpty);
    }

    [Fact]
    public void Keep_alive_in_rsplib_form_carries_the_pe_identifier_and_the_minimal_form_does_not()
    {
        var rsplib = Assert.IsType<AsapEndpointKeepAlive>(WireCodec.Decode(false, VectorFile.Load("asap-endpoint-keep-alive").Bytes));
        var home = Assert.IsType<AsapEndpointKeepAlive>(WireCodec.Decode(false, VectorFile.Load("asap-endpoint-keep-alive-home").Bytes));

        Assert.NotNull(rsplib.PoolElementIdentifier);
        Assert.False(rsplib.HomeFlag);
        Assert.Null(home.PoolElementIdentifier);
        Assert.True(home.HomeFlag);
    }

    [Fact]
    public void Handle_resolution_option_asks_for_two_items()
    {
        var request = Assert.IsType<AsapHandleResolution>(WireCodec.Decode(false, VectorFile.Load("asap-handle-resolution-hropt").Bytes));
        var plain = Assert.IsType<AsapHandleResolution>(WireCodec.Decode(false, VectorFile.Load("asap-handle-resolution").Bytes));

        Assert.Equal(2u, request.Items);
        Assert.Null(plain.Items);
    }

    [Fact]
    public void Server_announce_without_transport_differs_from_the_one_with_transport_only_in_the_transport()
    {
        var bare = Assert.IsType<AsapServerAnnounce>(WireCodec.Decode(false, VectorFile.Load("asap-server-announce").Bytes));
        var full = Assert.IsType<AsapServerAnnounce>(WireCodec.Decode(false, VectorFile.Load("asap-server-announce-transport").Bytes));

        Assert.True(bare.Transports.IsEmpty);
        var transport = Assert.IsType<SctpTransport>(Assert.Single(full.Transports));
        Assert.Equal(bare with { Transports = full.Transports }, full);
        Assert.Equal(2, transport.Addresses.Count);
    }

    [Fact]
    public void Business_card_in_rsplib_encoder_form_with_a_policy_after_the_handle_is_accepted()
    {
        // vectors/asap-business-card.txt notes: RSPLIB's encoder puts an overall policy between handle and PEs.
        // Accept both forms; our encoder sends the form without it, so the vector round-trips.
        byte[] vector = VectorFile.Load("asap-business-card").Bytes;
        byte[] policy = Hex.Parse("00 08 00 08 00 00 00 01");
        byte[] withPolicy = [.. vector[..16], .. policy, .. vector[16..]];
        withPolicy[3] = (byte)withPolicy.Length;

        var card = Assert.IsType<AsapBusinessCard>(WireCodec.Decode(false, withPolicy));
        var plain = Assert.IsType<AsapBusinessCard>(WireCodec.Decode(false, vector));

        Assert.Equal(PolicyType.RoundRobin, card.Policy!.Type);
        Assert.Null(plain.Policy);
        Assert.Equal(plain.PoolElements, card.PoolElements);
    }
}
