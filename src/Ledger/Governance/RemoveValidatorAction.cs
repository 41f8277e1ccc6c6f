using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Parameters;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Staking;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Governance;

/// <summary>Removes a validator; its bonded tokens start unbonding. Fields: address (20).</summary>
public sealed class RemoveValidatorAction(Address validator) : GovernanceAction
{
    public Address Validator { get; } = validator;

    public override GovernanceActionKind Kind => GovernanceActionKind.RemoveValidator;

    public override Outcome Apply(IStateAccess state, BlockContext block)
    {
        var record = StakingState.GetRecord(state, Validator);
        if (record is null)
        {
            return Outcome.Fail(ErrorCodes.UnknownValidator, $"{Validator} is not a validator");
        }

        StakingState.RemoveRecord(state, Validator);
        if (record.Bonded > 0)
        {
            var period = ParameterState.Get(state, block.Rules.Parameters, LedgerParameters.UnbondingPeriodBlocks);
            StakingState.AddUnbonding(state, block.Height + period, new UnbondingEntry(Validator, record.Bonded));
        }

        return ValidatorChanges.CheckResultingSet(state, block);
    }

    public override string Describe() => $"remove validator {Validator}";

    internal static RemoveValidatorAction DecodeFields(ref CanonicalReader reader) => new(reader.ReadAddress("action.validator"));

    private protected override void EncodeFields(ref CanonicalWriter writer) => writer.WriteAddress(Validator);
}
