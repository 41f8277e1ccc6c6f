using System.Globalization;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Parameters;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Staking;

/// <summary>
/// Begin-block step for evidence of equivocation: checks it and punishes the validator once per height.
/// </summary>
/// <remarks>
/// Punishment: <c>staking.slash_fraction_bps</c> of the granted power and of the bonded tokens (burned) is
/// removed and the validator is jailed (power 0 from height H+2 until governance re-admits it). Tokens already
/// unbonding are not slashed. If jailing would leave no validator with power, the chain would halt, so the
/// validator is slashed but not jailed and an event says so. Evidence is invalid (and so is the block carrying
/// it) if it is for a future height, older than <c>evidence.max_age_blocks</c>, already punished, or not
/// signed by a validator of its height.
/// </remarks>
public static class Slashing
{
    public static Hash256 ProcessedKey(Address validator, ulong height)
    {
        Span<byte> id = stackalloc byte[Address.Size + 8];
        validator.CopyTo(id);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(id[Address.Size..], height);
        return StateKeys.For("evidence", id);
    }

    /// <summary>
    /// Checks <paramref name="evidence"/> and applies the punishment to <paramref name="state"/>;
    /// <paramref name="validatorsAtHeight"/> is the set of the evidence's height (null when unknown).
    /// </summary>
    public static Outcome Apply(StateOverlay state, BlockContext block, DuplicateVoteEvidence evidence, ValidatorSet? validatorsAtHeight, List<ReceiptEvent> events)
    {
        var parameters = block.Rules.Parameters;
        if (evidence.Height >= block.Height)
        {
            return Outcome.Fail("evidence_from_future", $"evidence for height {evidence.Height} cannot be included at height {block.Height}");
        }

        var maxAge = ParameterState.Get(state, parameters, LedgerParameters.EvidenceMaxAgeBlocks);
        if (block.Height - evidence.Height > maxAge)
        {
            return Outcome.Fail("evidence_too_old", $"evidence for height {evidence.Height} is older than {maxAge} blocks");
        }

        if (validatorsAtHeight is null)
        {
            return Outcome.Fail("evidence_unknown_height", $"the validator set of height {evidence.Height} is not known");
        }

        var verified = evidence.Verify(block.ChainId, validatorsAtHeight);
        if (!verified.IsSuccess)
        {
            return verified;
        }

        var processed = ProcessedKey(evidence.ValidatorAddress, evidence.Height);
        if (state.Get(processed) is not null)
        {
            return Outcome.Fail("evidence_duplicate", $"{evidence.ValidatorAddress} was already punished for height {evidence.Height}");
        }

        state.Set(processed, [1]);
        var punishment = Punish(state, parameters, evidence.ValidatorAddress);
        events.Add(Event(EventType(punishment.Kind), evidence, punishment.GrantedSlashed, punishment.BondedBurned));
        return Outcome.Success;
    }

    /// <summary>
    /// The punishment for proven equivocation, applied to <paramref name="validator"/>'s record in
    /// <paramref name="state"/>: the one penalty every kind of evidence gets (duplicate votes here, conflicting signed
    /// evaluations in the registry). The caller checks the evidence and records it as processed; this only punishes.
    /// </summary>
    public static Punishment Punish(IStateAccess state, ParameterRegistry parameters, Address validator)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(parameters);
        var record = StakingState.GetRecord(state, validator);
        if (record is null)
        {
            return new Punishment(PunishmentKind.NoValidator, 0, 0);
        }

        var bps = ParameterState.Get(state, parameters, LedgerParameters.SlashFractionBps);
        var grantedCut = Fraction(record.Granted, bps);
        var bondedCut = Fraction(record.Bonded, bps);
        var slashed = record with { Granted = record.Granted - grantedCut, Bonded = record.Bonded - bondedCut };
        var jailed = slashed with { Jailed = true };
        var jailTrial = new StateOverlay(state);
        StakingState.PutRecord(jailTrial, jailed);
        var maxValidators = (int)ParameterState.Get(state, parameters, LedgerParameters.MaxValidators);
        if (StakingState.ComputeActiveSet(jailTrial, maxValidators) is not null)
        {
            // The trial holds exactly this write; repeating it on the real state keeps the two identical.
            StakingState.PutRecord(state, jailed);
            return new Punishment(PunishmentKind.Jailed, grantedCut, bondedCut);
        }

        StakingState.PutRecord(state, slashed);
        return new Punishment(PunishmentKind.SlashedNotJailed, grantedCut, bondedCut);
    }

    private static string EventType(PunishmentKind kind) => kind switch
    {
        PunishmentKind.Jailed => "validator_jailed",
        PunishmentKind.SlashedNotJailed => "validator_slashed_not_jailed",
        _ => "evidence_no_validator",
    };

    private static ulong Fraction(ulong amount, ulong bps) => (ulong)((UInt128)amount * bps / 10_000);

    private static ReceiptEvent Event(string type, DuplicateVoteEvidence evidence, ulong grantedCut, ulong bondedCut) =>
        new(type, [
            new("validator", evidence.ValidatorAddress.ToString()),
            new("height", evidence.Height.ToString(CultureInfo.InvariantCulture)),
            new("evidence", evidence.Hash.ToString()),
            new("granted_slashed", grantedCut.ToString(CultureInfo.InvariantCulture)),
            new("bonded_burned", bondedCut.ToString(CultureInfo.InvariantCulture)),
        ]);
}
