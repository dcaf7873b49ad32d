using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace RSerPool.Actors.Kernel;

/// <summary>
/// The immutable recipe for an actor (Akka.NET's <c>Props</c>). <c>Props.Create(() =&gt; new PeActor(cfg))</c> reads the
/// constructor and its argument values once; constructor invokers are compiled once per constructor and cached.
/// </summary>
public sealed record Props
{
    private static readonly ConcurrentDictionary<ConstructorInfo, Func<object?[], ActorBase>> Invokers = new();

    private readonly Func<ActorBase> _factory;

    private Props(Type type, Func<ActorBase> factory)
    {
        Type = type;
        _factory = factory;
    }

    /// <summary>The actor's class.</summary>
    public Type Type { get; }

    /// <summary>Overrides the actor's own <c>SupervisorStrategy()</c> for its children.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; init; }

    /// <summary>The id of a dispatcher registered in <see cref="ActorSystemSettings.Dispatchers"/>; null for the default.</summary>
    public string? Dispatcher { get; init; }

    /// <summary>Props for <typeparamref name="TActor"/>'s parameterless constructor.</summary>
    public static Props Create<TActor>()
        where TActor : ActorBase, new() => DefaultProps<TActor>.Instance;

    /// <summary>Props from a constructor call expression; the expression is evaluated once per actor instance.</summary>
    public static Props Create<TActor>(Expression<Func<TActor>> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (factory.Body is NewExpression { Constructor: { } constructor } newExpression
            && TryEvaluateArguments(newExpression.Arguments, out var arguments))
        {
            var invoker = Invokers.GetOrAdd(constructor, CompileInvoker);
            return new Props(typeof(TActor), () => invoker(arguments));
        }

        var compiled = factory.Compile();
        return new Props(typeof(TActor), () => compiled());
    }

    /// <summary>Props for <paramref name="type"/> with constructor arguments <paramref name="args"/>.</summary>
    public static Props Create(Type type, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!typeof(ActorBase).IsAssignableFrom(type))
            throw new ArgumentException($"{type} is not an actor type.", nameof(type));
        return new Props(type, () => (ActorBase)Activator.CreateInstance(type, args)!);
    }

    /// <summary>A copy with <paramref name="strategy"/> supervising the actor's children.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy) => this with { SupervisorStrategy = strategy };

    /// <summary>A copy that runs on the dispatcher registered as <paramref name="dispatcherId"/>.</summary>
    public Props WithDispatcher(string dispatcherId) => this with { Dispatcher = dispatcherId };

    internal ActorBase NewActor() => _factory();

    private static bool TryEvaluateArguments(IReadOnlyList<Expression> expressions, out object?[] values)
    {
        values = new object?[expressions.Count];
        for (var i = 0; i < expressions.Count; i++)
        {
            if (!TryEvaluate(expressions[i], out values[i]))
                return false;
        }

        return true;
    }

    private static bool TryEvaluate(Expression expression, out object? value)
    {
        switch (expression)
        {
            case ConstantExpression constant:
                value = constant.Value;
                return true;
            case MemberExpression { Member: FieldInfo field } member when member.Expression is null || TryEvaluate(member.Expression, out _):
                object? target = null;
                if (member.Expression is not null && !TryEvaluate(member.Expression, out target))
                    break;
                value = field.GetValue(target);
                return true;
            case MemberExpression { Member: PropertyInfo property } member:
                object? owner = null;
                if (member.Expression is not null && !TryEvaluate(member.Expression, out owner))
                    break;
                value = property.GetValue(owner);
                return true;
            case UnaryExpression { NodeType: ExpressionType.Convert } convert when convert.Type.IsAssignableFrom(convert.Operand.Type):
                return TryEvaluate(convert.Operand, out value);
        }

        value = null;
        return false;
    }

    private static Func<object?[], ActorBase> CompileInvoker(ConstructorInfo constructor)
    {
        var args = Expression.Parameter(typeof(object?[]), "args");
        var parameters = constructor.GetParameters();
        var arguments = new Expression[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
            arguments[i] = Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), parameters[i].ParameterType);
        var body = Expression.Convert(Expression.New(constructor, arguments), typeof(ActorBase));
        return Expression.Lambda<Func<object?[], ActorBase>>(body, args).Compile();
    }

    private static class DefaultProps<TActor>
        where TActor : ActorBase, new()
    {
        public static readonly Props Instance = new(typeof(TActor), static () => new TActor());
    }
}
