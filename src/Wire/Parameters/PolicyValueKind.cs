// Meaning of one 32-bit policy value (docs/protocol-notes.md §13).
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
