using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.State;

namespace DaiChain.Ledger.Governance;

/// <summary>
/// The change a proposal makes when it passes. <see cref="Validate"/> is stateless; <see cref="Apply"/> checks
/// the state it needs and applies the change. A proposal is checked at submission by applying its action to
/// a throwaway overlay, and applied for real when it passes; state may have moved on in between, so the
/// action can still fail then, and the proposal is recorded as failed with the code.
/// </summary>
/// <remarks>Encoding: kind <c>u8</c> (<see cref="GovernanceActionKind"/>), then the kind's fields.</remarks>
public abstract class GovernanceAction : ICanonicalEncodable<GovernanceAction>
{
    private protected GovernanceAction()
    {
    }

    public abstract GovernanceActionKind Kind { get; }

    /// <summary>Stateless checks against the chain's rules (known roles, parameter ranges).</summary>
    public virtual Outcome Validate(ChainRules rules) => Outcome.Success;

    /// <summary>Applies the action to <paramref name="state"/>; on failure the caller discards the writes.</summary>
    public abstract Outcome Apply(IStateAccess state, BlockContext block);

    /// <summary>One line for events and logs.</summary>
    public abstract string Describe();

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte((byte)Kind);
        EncodeFields(ref writer);
    }

    public static GovernanceAction Decode(ref CanonicalReader reader)
    {
        var kind = reader.ReadEnum<GovernanceActionKind>("action.kind");
        return kind switch
        {
            GovernanceActionKind.AddValidator => AddValidatorAction.DecodeFields(ref reader),
            GovernanceActionKind.RemoveValidator => RemoveValidatorAction.DecodeFields(ref reader),
            GovernanceActionKind.ReweightValidator => ReweightValidatorAction.DecodeFields(ref reader),
            GovernanceActionKind.GrantRole => GrantRoleAction.DecodeFields(ref reader),
            GovernanceActionKind.RevokeRole => RevokeRoleAction.DecodeFields(ref reader),
            GovernanceActionKind.AddNode => AddNodeAction.DecodeFields(ref reader),
            GovernanceActionKind.RemoveNode => RemoveNodeAction.DecodeFields(ref reader),
            _ => ChangeParameterAction.DecodeFields(ref reader),
        };
    }

    public override string ToString() => Describe();

    private protected abstract void EncodeFields(ref CanonicalWriter writer);
}
