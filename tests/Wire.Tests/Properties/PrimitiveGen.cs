using FsCheck;
using FsCheck.Fluent;
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Tests.Properties;

/// <summary>FsCheck generators of the wire's plain values: uniform over the whole range, independent of FsCheck's size.</summary>
public static class PrimitiveGen
{
    public static readonly Gen<bool> Bool = Gen.Elements(true, false);

    public static readonly Gen<byte> AnyByte = Gen.Choose(0, 0xFF).Select(b => (byte)b);

    public static readonly Gen<ushort> UShort = Gen.Choose(0, 0xFFFF).Select(u => (ushort)u);

    public static readonly Gen<uint> UInt = FsCheck.FSharp.Gen.Choose64(0, uint.MaxValue).Select(u => (uint)u);

    /// <summary>A PE Identifier: any 32-bit value but 0, as on a valid registration.</summary>
    public static readonly Gen<uint> PeId = FsCheck.FSharp.Gen.Choose64(1, uint.MaxValue).Select(u => (uint)u);

    public static readonly Gen<int> Int = UInt.Select(u => unchecked((int)u));

    public static Gen<byte[]> Bytes(int length) => Gen.ArrayOf(AnyByte, length);

    public static Gen<byte[]> Bytes(int min, int max) => Gen.Choose(min, max).SelectMany(Bytes);

    public static Gen<ValueArray<byte>> ByteArray(int min, int max) => Bytes(min, max).Select(b => ValueArray.Create<byte>(b));

    /// <summary>Between <paramref name="min"/> and <paramref name="max"/> values of <paramref name="item"/>.</summary>
    public static Gen<ValueArray<T>> Repeat<T>(int min, int max, Gen<T> item) =>
        Gen.Choose(min, max).SelectMany(count => Gen.ArrayOf(item, count)).Select(items => ValueArray.Create<T>(items));

    public static Gen<T?> Maybe<T>(Gen<T> item)
        where T : class => Gen.OneOf(Gen.Constant<T?>(null), item.Select(value => (T?)value));

    public static Gen<T?> MaybeValue<T>(Gen<T> item)
        where T : struct => Gen.OneOf(Gen.Constant<T?>(null), item.Select(value => (T?)value));
}
