using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Parameters;
using DaiChain.Ledger.Staking;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Governance;

/// <summary>The checks every change to validator power ends with: a non-empty active set and total power within the limit.</summary>
internal static class ValidatorChanges
{
    public static Outcome CheckResultingSet(IStateAccess state, BlockContext block)
    {
        if (!StakingState.PowerWithinLimit(state))
        {
            return Outcome.Fail(ErrorCodes.PowerLimitExceeded, "the validators' total power would exceed 2^60");
        }

        var maxValidators = (int)ParameterState.Get(state, block.Rules.Parameters, LedgerParameters.MaxValidators);
        return StakingState.ComputeActiveSet(state, maxValidators) is null
            ? Outcome.Fail(ErrorCodes.ValidatorSetWouldEmpty, "this change would leave no validator with voting power; the chain would halt")
            : Outcome.Success;
    }
}
