using FsCheck;
using FsCheck.Fluent;

namespace RSerPool.Wire.Tests.Properties;

/// <summary>FsCheck's own shrinkers, for the parts of the property cases.</summary>
public static class Shrinks
{
    private static readonly Arbitrary<byte[]> AnyBytes = ArbMap.Default.ArbFor<byte[]>();

    /// <summary>Shorter arrays, then arrays with bytes moved towards 0.</summary>
    public static IEnumerable<byte[]> Bytes(byte[] bytes) => AnyBytes.Shrinker(bytes);

    /// <summary>Shorter arrays of the same items (items themselves are not shrunk).</summary>
    public static IEnumerable<T[]> Shorter<T>(T[] items) => items.Length == 0
        ? []
        : Arb.Array(Arb.From(Gen.Constant(items[0]))).Shrinker(items);
}
