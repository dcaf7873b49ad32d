using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using RSerPool.Actors.Kernel;
using Xunit;

namespace RSerPool.Actors.Tests;

/// <summary>
/// Freezes the kernel's public surface (style.md §7.4): the public types of <c>RSerPool.Actors.Kernel*</c> and their public
/// and protected members, sorted, must equal <c>KernelApi.verified.txt</c>. On a mismatch the current surface is written
/// to <c>KernelApi.received.txt</c>; review the diff and copy it over the verified file if the change is intended.
/// </summary>
public sealed class KernelApiSpec
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void The_public_kernel_api_matches_the_verified_list()
    {
        var received = Describe(typeof(ActorSystem).Assembly);
        var directory = SourceDirectory();
        var verifiedPath = Path.Combine(directory, "KernelApi.verified.txt");
        var receivedPath = Path.Combine(directory, "KernelApi.received.txt");
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).ReplaceLineEndings("\n") : string.Empty;

        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        var firstDifference = verified.Split('\n').Zip(received.Split('\n')).Select((pair, line) => (pair, line)).FirstOrDefault(x => x.pair.First != x.pair.Second);
        Assert.Fail($"The kernel's public API changed. Review: diff {verifiedPath} {receivedPath} " +
                    $"(first difference near line {firstDifference.line + 1}: '{firstDifference.pair.First}' vs '{firstDifference.pair.Second}'); " +
                    "copy the received file over the verified one if the change is intended.");
    }

    private static string Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().Where(t => t.Namespace?.StartsWith("RSerPool.Actors.Kernel", StringComparison.Ordinal) == true))
        {
            var typeName = TypeName(type);
            lines.Add($"{typeName} : {Kind(type)}{BaseList(type)}");
            foreach (var member in type.GetMembers(Declared).Where(IsVisible))
                lines.Add($"{typeName} :: {MemberSignature(member)}");
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines.Distinct()) + "\n";
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase m => (m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly) && !(m.IsSpecialName && (m.Name.StartsWith("get_", StringComparison.Ordinal) || m.Name.StartsWith("set_", StringComparison.Ordinal) || m.Name.StartsWith("add_", StringComparison.Ordinal) || m.Name.StartsWith("remove_", StringComparison.Ordinal))) && !IsCompilerGenerated(m),
        FieldInfo f => (f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly) && !IsCompilerGenerated(f),
        PropertyInfo p => p.GetAccessors(nonPublic: true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
        EventInfo e => e.AddMethod is { } add && (add.IsPublic || add.IsFamily),
        Type nested => nested.IsNestedPublic || nested.IsNestedFamily,
        _ => false,
    };

    private static bool IsCompilerGenerated(MemberInfo member) =>
        member.IsDefined(typeof(CompilerGeneratedAttribute)) && member.Name is "<Clone>$" or "PrintMembers" or "get_EqualityContract" or "EqualityContract";

    private static string Kind(Type type) =>
        type.IsInterface ? "interface" :
        type.IsEnum ? "enum" :
        type.IsValueType ? "struct" :
        typeof(Delegate).IsAssignableFrom(type) ? "delegate" :
        type.IsAbstract && type.IsSealed ? "static class" :
        type.IsAbstract ? "abstract class" :
        type.IsSealed ? "sealed class" : "class";

    private static string BaseList(Type type)
    {
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum) && baseType != typeof(MulticastDelegate))
            bases.Add(TypeName(baseType));
        bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(TypeName).Order(StringComparer.Ordinal));
        return bases.Count == 0 ? string.Empty : " : " + string.Join(", ", bases);
    }

    private static string MemberSignature(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"{Access(c)}{(c.IsStatic ? "static " : string.Empty)}.ctor({Parameters(c)})",
        MethodInfo m => $"{Access(m)}{Modifiers(m)}{TypeName(m.ReturnType)} {m.Name}{Generic(m)}({Parameters(m)})",
        PropertyInfo p => $"{PropertyAccess(p)}{TypeName(p.PropertyType)} {p.Name} {{ {Accessors(p)}}}",
        FieldInfo f => $"{(f.IsFamily ? "protected " : "public ")}{(f.IsStatic ? "static " : string.Empty)}{(f.IsInitOnly ? "readonly " : string.Empty)}{(f.IsLiteral ? "const " : string.Empty)}{TypeName(f.FieldType)} {f.Name}",
        EventInfo e => $"event {TypeName(e.EventHandlerType!)} {e.Name}",
        Type t => $"nested {Kind(t)} {t.Name}",
        _ => member.ToString() ?? member.Name,
    };

    private static string Access(MethodBase method) => method.IsPublic ? "public " : "protected ";

    private static string Modifiers(MethodInfo method) =>
        (method.IsStatic ? "static " : string.Empty) +
        (method.IsAbstract ? "abstract " : method.IsVirtual && !method.IsFinal && method.GetBaseDefinition() == method && !method.DeclaringType!.IsInterface ? "virtual " : string.Empty) +
        (method.GetBaseDefinition() != method ? "override " : string.Empty);

    private static string PropertyAccess(PropertyInfo property)
    {
        var accessor = property.GetAccessors(nonPublic: true).First(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly);
        return (accessor.IsPublic ? "public " : "protected ") + (accessor.IsStatic ? "static " : string.Empty);
    }

    private static string Accessors(PropertyInfo property)
    {
        var builder = new StringBuilder();
        if (property.GetMethod is { } get && (get.IsPublic || get.IsFamily))
            builder.Append("get; ");
        if (property.SetMethod is { } set && (set.IsPublic || set.IsFamily))
            builder.Append(set.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit") ? "init; " : "set; ");
        return builder.ToString();
    }

    private static string Generic(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p =>
            (p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : string.Empty) +
            (p.ParameterType.IsByRef ? (p.IsIn ? "in " : p.IsOut ? "out " : "ref ") : string.Empty) +
            TypeName(p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType) + " " + p.Name +
            (p.HasDefaultValue ? " = " + (p.DefaultValue?.ToString() ?? "null") : string.Empty)));

    private static string TypeName(Type type)
    {
        if (type.IsGenericParameter)
            return type.Name;
        if (type.IsArray)
            return TypeName(type.GetElementType()!) + "[]";
        var name = type.IsNested ? TypeName(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name;
        if (!type.IsGenericType)
            return name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        var bare = tick < 0 ? name : name[..tick];
        var args = type.GetGenericArguments().Skip(type.IsNested ? type.DeclaringType!.GetGenericArguments().Length : 0);
        return bare + "<" + string.Join(", ", args.Select(TypeName)) + ">";
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
