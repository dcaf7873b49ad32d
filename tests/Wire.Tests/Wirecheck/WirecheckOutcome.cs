namespace RSerPool.Wire.Tests.Wirecheck;

/// <summary>One wirecheck run: its exit code (0 all passed, 1 a failure, 2 usage or tools), its output, and
/// the verdict for each input.</summary>
public sealed record WirecheckOutcome(int ExitCode, string StandardOutput, string StandardError, IReadOnlyList<WirecheckResult> Results);
