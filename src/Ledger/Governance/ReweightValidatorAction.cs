using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Staking;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Governance;

/// <summary>
/// Sets a validator's granted power (bonded stake is untouched; zero grants leave only the bond).
/// Fields: address (20), power <c>varuint</c>.
/// </summary>
public sealed class ReweightValidatorAction(Address validator, ulong power) : GovernanceAction
{
    public Address Validator { get; } = validator;

    public ulong Power { get; } = power;

    public override GovernanceActionKind Kind => GovernanceActionKind.ReweightValidator;

    public override Outcome Validate(ChainRules rules) =>
        Power > ChainLimits.MaxTotalVotingPower
            ? Outcome.Fail(ErrorCodes.InvalidProposal, $"granted power is at most 2^60, got {Power}")
            : Outcome.Success;

    public override Outcome Apply(IStateAccess state, BlockContext block)
    {
        var record = StakingState.GetRecord(state, Validator);
        if (record is null)
        {
            return Outcome.Fail(ErrorCodes.UnknownValidator, $"{Validator} is not a validator");
        }

        StakingState.PutRecord(state, record with { Granted = Power });
        return ValidatorChanges.CheckResultingSet(state, block);
    }

    public override string Describe() => $"re-weight validator {Validator} to granted power {Power}";

    internal static ReweightValidatorAction DecodeFields(ref CanonicalReader reader) =>
        new(reader.ReadAddress("action.validator"), reader.ReadVarUInt("action.power"));

    private protected override void EncodeFields(ref CanonicalWriter writer)
    {
        writer.WriteAddress(Validator);
        writer.WriteVarUInt(Power);
    }
}
