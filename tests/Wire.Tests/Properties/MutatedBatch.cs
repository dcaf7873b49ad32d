namespace RSerPool.Wire.Tests.Properties;

/// <summary>
/// One case of the mutation property: <see cref="MutationProperties.InputsPerCase"/> mutated inputs. FsCheck's own
/// bookkeeping per case costs a sizeable part of checking one input, so a case checks a batch; a failing batch
/// shrinks to the one input that fails, then to fewer and smaller bytes of that input.
/// </summary>
public sealed record MutatedBatch(MutatedInput[] Inputs)
{
    public override string ToString() => string.Join("\n", Inputs.Select(input => input.ToString()));
}
