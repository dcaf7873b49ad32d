namespace RSerPool.Wire.Tests.Wirecheck;

/// <summary>wirecheck's verdict on one input: PASS, FAIL or SKIP, with the problems it listed.</summary>
public sealed record WirecheckResult(WirecheckInput Input, string Status, IReadOnlyList<string> Problems);
