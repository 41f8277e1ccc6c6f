using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;

namespace DaiChain.Ledger.Parameters;

/// <summary>Parameter values in state under <c>param/{name}</c> (a varuint); absent means the default.</summary>
public static class ParameterState
{
    public const string Space = "param";

    public static Hash256 Key(string name) => StateKeys.For(Space, name);

    public static ulong Get(IStateReader state, ParameterRegistry registry, string name)
    {
        var definition = registry.Find(name) ?? throw new ArgumentException($"'{name}' is not a registered parameter", nameof(name));
        var bytes = state.Get(Key(name));
        if (bytes is null)
        {
            return definition.Default;
        }

        var reader = new CanonicalReader(bytes);
        var value = reader.ReadVarUInt("param.value");
        reader.EnsureEnd("param");
        return value;
    }

    public static void Set(IStateAccess state, ParameterRegistry registry, string name, ulong value)
    {
        var problem = registry.ProblemWith(name, value);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(value));
        }

        var writer = new CanonicalWriter(stackalloc byte[10]);
        writer.WriteVarUInt(value);
        state.Set(Key(name), writer.ToArray());
    }
}
