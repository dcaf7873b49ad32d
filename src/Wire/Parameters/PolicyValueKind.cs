// Meaning of one 32-bit policy value (policies.md §1).
namespace RSerPool.Wire.Parameters;

public enum PolicyValueKind
{
    Weight,
    Priority,
    Load,
    LoadDegradation,
    LoadDpf,
    WeightDpf,
    Distance,
}
