using System.Collections;
using System.Net;
using System.Reflection;
using Akka.Actor;
using RSerPool.Actors.Cluster;
using RSerPool.Wire;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Tests.Serialization;

/// <summary>
/// Builds an instance of any type that crosses Akka.Remote (<see cref="IRSerPoolClusterMessage"/>) from its widest
/// public constructor, with a non-default value for every parameter (nested records built the same way), so a type
/// added later is covered without a hand-written sample. A parameter type it cannot build fails the test by name.
/// </summary>
internal sealed class ClusterMessageSamples(IActorRef actor, Address address)
{
    private static readonly PoolHandle Pool = PoolHandle.FromString("EchoPool");
    private static readonly TcpTransport Transport = new(4711, TransportUse.DataPlusControl, [IPAddress.Parse("10.0.0.7")]);
    private static readonly PoolElement Element = new(0x1234_5678, 0x5e5e_0001, 90_000, Transport, PoolMemberSelectionPolicy.LeastUsed(42),
        new SctpTransport(3863, TransportUse.DataOnly, [IPAddress.Parse("10.0.0.7"), IPAddress.Parse("fd00::7")]));

    /// <summary>Every concrete type of RSerPool.Actors that implements <see cref="IRSerPoolClusterMessage"/>.</summary>
    public static IReadOnlyList<Type> MessageTypes { get; } = [.. typeof(IRSerPoolClusterMessage).Assembly.GetTypes()
        .Where(t => typeof(IRSerPoolClusterMessage).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    public object Create(Type type) => Create(type, depth: 0);

    private object Create(Type type, int depth)
    {
        if (depth > 6)
        {
            throw new InvalidOperationException($"{type} nests too deep for a sample");
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Create(underlying, depth);
        }

        if (Known(type) is { } known)
        {
            return known;
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).Cast<object>().Last();
        }

        if (type.IsArray)
        {
            var array = Array.CreateInstance(type.GetElementType()!, 1);
            array.SetValue(Create(type.GetElementType()!, depth + 1), 0);
            return array;
        }

        if (type.IsGenericType && ListOf(type) is { } elementType)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
            list.Add(Create(elementType, depth + 1));
            return list;
        }

        if (type.IsGenericType && DictionaryOf(type) is { } pair)
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(pair.Key, pair.Value))!;
            dictionary.Add(Create(pair.Key, depth + 1), Create(pair.Value, depth + 1));
            return dictionary;
        }

        if (type.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static) is { } singleton && singleton.PropertyType == type)
        {
            return singleton.GetValue(null)!;
        }

        if (type.GetField("Instance", BindingFlags.Public | BindingFlags.Static) is { } field && field.FieldType == type)
        {
            return field.GetValue(null)!;
        }

        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .Where(c => !c.GetParameters().Any(p => p.ParameterType == type))   // not a record's copy constructor
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"no sample for {type}: no public constructor; teach ClusterMessageSamples.Known");
        return constructor.Invoke([.. constructor.GetParameters().Select(p => Create(p.ParameterType, depth + 1))]);
    }

    private object? Known(Type type) => type switch
    {
        _ when type == typeof(string) => "tcp:10.0.0.7:3863",
        _ when type == typeof(bool) => true,
        _ when type == typeof(byte) => (byte)7,
        _ when type == typeof(ushort) => (ushort)3863,
        _ when type == typeof(int) => 42,
        _ when type == typeof(uint) => 0x5e5e_0001u,
        _ when type == typeof(long) => 1_234_567_890_123L,
        _ when type == typeof(ulong) => 0xfeed_beef_cafe_f00dUL,
        _ when type == typeof(double) => 0.25,
        _ when type == typeof(TimeSpan) => TimeSpan.FromMilliseconds(1250),
        _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 12, 8, 1, 2, 3, TimeSpan.Zero),
        _ when type == typeof(IPAddress) => IPAddress.Parse("10.0.0.7"),
        _ when type == typeof(IPEndPoint) => new IPEndPoint(IPAddress.Parse("10.0.0.7"), 3863),
        _ when type == typeof(PoolHandle) => Pool,
        _ when type == typeof(PoolElement) => Element,
        _ when type == typeof(PoolMemberSelectionPolicy) => Element.Policy,
        _ when type == typeof(TransportParameter) || type == typeof(TcpTransport) => Transport,
        _ when type == typeof(ValueArray<byte>) => ValueArray.Create<byte>([1, 2, 3]),
        _ when type == typeof(IActorRef) => actor,
        _ when type == typeof(Address) => address,
        _ => null,
    };

    private static Type? ListOf(Type type)
    {
        Type definition = type.GetGenericTypeDefinition();
        return definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>) || definition == typeof(List<>)
            || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>) || definition == typeof(ICollection<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static KeyValuePair<Type, Type>? DictionaryOf(Type type)
    {
        Type definition = type.GetGenericTypeDefinition();
        return definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>)
            ? new KeyValuePair<Type, Type>(type.GetGenericArguments()[0], type.GetGenericArguments()[1])
            : null;
    }
}
