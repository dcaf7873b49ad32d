using FsCheck;
using FsCheck.Fluent;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Tests.Properties;
using RSerPool.Wire.Tests.Support;
using Xunit;

namespace RSerPool.Wire.Tests.Wirecheck;

// Issue 2: our encoder's output for every message type passes the wirecheck tool (docs/protocol-notes.md §15):
// SCTP for ASAP and ENRP, TCP for ASAP, UDP for Server Announce and ENRP Presence. --allow-unknown-policy is used
// only for the four RSPLIB policy codes Wireshark 4.0 cannot name (docs/protocol-notes.md §14).
public sealed class WirecheckTests
{
    private const int MessagesPerType = 6;

    private static readonly MessageGen Clean = MessageGen.WiresharkClean;

    [WirecheckFact]
    public void Every_asap_and_enrp_message_type_passes_wirecheck_over_sctp()
    {
        var inputs = new List<WirecheckInput>();
        foreach (AsapMessageType type in MessageGen.AsapTypes)
        {
            inputs.AddRange(Inputs(Clean.Asap(type), MessagesPerType, 501 + (int)type));
        }

        foreach (EnrpMessageType type in MessageGen.EnrpTypes)
        {
            inputs.AddRange(Inputs(Clean.Enrp(type), MessagesPerType, 601 + (int)type));
        }

        inputs.AddRange(SampleMessages.All().Select(Input));
        CheckAllPass(inputs, "sctp", expectedTypes: 24);
    }

    [WirecheckFact]
    public void Every_asap_message_type_passes_wirecheck_over_tcp()
    {
        var inputs = new List<WirecheckInput>();
        foreach (AsapMessageType type in MessageGen.AsapTypes)
        {
            inputs.AddRange(Inputs(Clean.Asap(type), MessagesPerType, 701 + (int)type));
        }

        inputs.AddRange(SampleMessages.All().Where(m => m is AsapMessage).Select(Input));
        CheckAllPass(inputs, "tcp", expectedTypes: 14);
    }

    [WirecheckFact]
    public void Server_announce_and_presence_pass_wirecheck_over_udp()
    {
        var inputs = new List<WirecheckInput>();
        inputs.AddRange(Inputs(Clean.Asap(AsapMessageType.ServerAnnounce), 3 * MessagesPerType, 801));
        inputs.AddRange(Inputs(Clean.Enrp(EnrpMessageType.Presence), 3 * MessagesPerType, 802));
        inputs.AddRange(SampleMessages.All().Where(m => m is AsapServerAnnounce or EnrpPresence).Select(Input));
        CheckAllPass(inputs, "udp", expectedTypes: 2);
    }

    [WirecheckFact]
    public void Wirecheck_rejects_a_damaged_message_so_the_checks_above_can_fail()
    {
        // The same Registration passes intact, and fails with its last parameter cut short.
        byte[] good = WireCodec.Encode(SampleMessages.All().OfType<AsapRegistration>().First());
        byte[] bad = [.. good[..^4]];
        bad[2] = (byte)(bad.Length >> 8);
        bad[3] = (byte)bad.Length;

        var outcome = WirecheckRun.Check(
            [new WirecheckInput("intact", false, good), new WirecheckInput("cut short", false, bad)], "sctp", allowUnknownPolicy: false);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(["PASS", "FAIL"], outcome.Results.Select(r => r.Status));
        Assert.NotEmpty(outcome.Results[1].Problems);
    }

    // FsCheck samples of the generator, from a fixed seed (moved by RSERPOOL_FUZZ_SEED like the properties' seeds).
    private static IEnumerable<WirecheckInput> Inputs<T>(Gen<T> messages, int count, int seed)
        where T : notnull =>
        Gen.Sample(messages, count, FuzzSettings.RndFor(seed), size: 100).Select(message => Input(message));

    private static WirecheckInput Input(object message) =>
        new($"{message.GetType().Name}: {message}", WireCodec.IsEnrp(message), WireCodec.Encode(message));

    private static void CheckAllPass(List<WirecheckInput> inputs, string transport, int expectedTypes)
    {
        // Messages with an RSPLIB policy code Wireshark cannot name go in a separate run that tolerates it.
        var strict = new List<WirecheckInput>();
        var tolerant = new List<WirecheckInput>();
        foreach (WirecheckInput input in inputs)
        {
            object message = WireCodec.Decode(input.IsEnrp, input.Bytes);
            (MessageGen.UsesPolicyUnknownToWireshark(message) ? tolerant : strict).Add(input);
        }

        var results = new List<WirecheckResult>();
        foreach ((List<WirecheckInput> batch, bool allowUnknown) in new[] { (strict, false), (tolerant, true) })
        {
            if (batch.Count == 0)
            {
                continue;
            }

            WirecheckOutcome outcome = WirecheckRun.Check(batch, transport, allowUnknown);
            Assert.True(
                outcome.ExitCode == 0 && outcome.Results.Count == batch.Count && outcome.Results.All(r => r.Status == "PASS"),
                WirecheckRun.Describe(outcome, r => r.Status != "PASS"));
            results.AddRange(outcome.Results);
        }

        int types = results.Select(r => (r.Input.IsEnrp, r.Input.Bytes[0])).Distinct().Count();
        Assert.Equal(expectedTypes, types);
    }
}
