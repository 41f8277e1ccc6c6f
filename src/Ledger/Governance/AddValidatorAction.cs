using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Staking;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Governance;

/// <summary>
/// Admits a validator with granted power, or re-admits a jailed one (unjailing it with the new power).
/// Fields: public key (33), name <c>string&lt;64&gt;</c>, power <c>varuint</c>.
/// </summary>
public sealed class AddValidatorAction(PublicKey publicKey, string name, ulong power) : GovernanceAction
{
    public PublicKey PublicKey { get; } = publicKey;

    public string Name { get; } = name;

    public ulong Power { get; } = power;

    public override GovernanceActionKind Kind => GovernanceActionKind.AddValidator;

    public override Outcome Validate(ChainRules rules) =>
        Power == 0 || Power > ChainLimits.MaxTotalVotingPower
            ? Outcome.Fail(ErrorCodes.InvalidProposal, $"a validator's granted power is between 1 and 2^60, got {Power}")
            : Outcome.Success;

    public override Outcome Apply(IStateAccess state, BlockContext block)
    {
        var existing = StakingState.GetRecord(state, PublicKey.Address);
        if (existing is { Jailed: false })
        {
            return Outcome.Fail(ErrorCodes.ValidatorExists, $"{PublicKey.Address} is already a validator; propose a re-weight to change its power");
        }

        if (existing is null && StakingState.RecordCount(state) >= StakingState.MaxRecords)
        {
            return Outcome.Fail(ErrorCodes.InvalidProposal, $"the chain keeps at most {StakingState.MaxRecords} validator records");
        }

        var record = existing is null
            ? new ValidatorRecord { PublicKey = PublicKey, Name = Name, Granted = Power }
            : existing with { Name = Name, Granted = Power, Jailed = false };
        StakingState.PutRecord(state, record);
        return ValidatorChanges.CheckResultingSet(state, block);
    }

    public override string Describe() => $"add validator {Name} ({PublicKey.Address}) with power {Power}";

    internal static AddValidatorAction DecodeFields(ref CanonicalReader reader) =>
        new(PublicKey.Decode(ref reader), reader.ReadString("action.name", ChainLimits.MaxNameBytes), reader.ReadVarUInt("action.power"));

    private protected override void EncodeFields(ref CanonicalWriter writer)
    {
        PublicKey.Encode(ref writer);
        writer.WriteString(Name, ChainLimits.MaxNameBytes);
        writer.WriteVarUInt(Power);
    }
}
