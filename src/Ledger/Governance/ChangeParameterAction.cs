using System.Globalization;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Parameters;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Governance;

/// <summary>Sets a chain parameter. Fields: name <c>string&lt;64&gt;</c>, value <c>varuint</c>.</summary>
public sealed class ChangeParameterAction(string name, ulong value) : GovernanceAction
{
    public string Name { get; } = name;

    public ulong Value { get; } = value;

    public override GovernanceActionKind Kind => GovernanceActionKind.ChangeParameter;

    public override Outcome Validate(ChainRules rules)
    {
        if (rules.Parameters.Find(Name) is not { } definition)
        {
            return Outcome.Fail(ErrorCodes.UnknownParameter, $"'{Name}' is not a parameter; known: {string.Join(", ", rules.Parameters.Definitions.Select(d => d.Name))}");
        }

        return definition.Allows(Value)
            ? Outcome.Success
            : Outcome.Fail(ErrorCodes.ParameterOutOfRange, $"{Name} must be between {definition.Min} and {definition.Max}, got {Value}");
    }

    public override Outcome Apply(IStateAccess state, BlockContext block)
    {
        var valid = Validate(block.Rules);
        if (!valid.IsSuccess)
        {
            return valid;
        }

        ParameterState.Set(state, block.Rules.Parameters, Name, Value);
        return Outcome.Success;
    }

    public override string Describe() => $"set parameter {Name} to {Value.ToString(CultureInfo.InvariantCulture)}";

    internal static ChangeParameterAction DecodeFields(ref CanonicalReader reader) =>
        new(reader.ReadString("action.parameter", ParameterRegistry.MaxNameBytes), reader.ReadVarUInt("action.value"));

    private protected override void EncodeFields(ref CanonicalWriter writer)
    {
        writer.WriteString(Name, ParameterRegistry.MaxNameBytes);
        writer.WriteVarUInt(Value);
    }
}
