namespace RSerPool.Wire.Tests.Wirecheck;

/// <summary>One message handed to wirecheck: a label for the report, the protocol and the encoded bytes.</summary>
public sealed record WirecheckInput(string Label, bool IsEnrp, byte[] Bytes);
