using System.Globalization;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Governance;

/// <summary>
/// End-of-block decision on every open proposal, in id order, against the block's validator set: more than
/// 2/3 of the power voted yes → the action is applied (passed, or failed if it no longer applies); at least
/// 1/3 voted no → rejected; past its voting end height → expired. Votes of addresses no longer in the set
/// carry no power.
/// </summary>
public static class GovernanceTally
{
    public static void EndBlock(StateOverlay state, BlockContext block, List<ReceiptEvent> events)
    {
        var open = GovernanceState.GetOpen(state);
        if (open.Count == 0)
        {
            return;
        }

        var stillOpen = new List<ulong>();
        foreach (var id in open)
        {
            var proposal = GovernanceState.Get(state, id);
            Invariant.Check(proposal is { Status: ProposalStatus.Open }, $"open proposal {id} is missing or closed");
            var decided = Decide(state, block, proposal!);
            if (decided is null)
            {
                stillOpen.Add(id);
                continue;
            }

            GovernanceState.Put(state, decided);
            events.Add(new ReceiptEvent("proposal_decided", [
                new("id", id.ToString(CultureInfo.InvariantCulture)),
                new("status", decided.Status.ToString().ToLowerInvariant()),
                new("result_code", decided.ResultCode),
                new("action", decided.Action.Describe()),
            ]));
        }

        GovernanceState.PutOpen(state, stillOpen);
    }

    private static Proposal? Decide(StateOverlay state, BlockContext block, Proposal proposal)
    {
        var validators = block.Validators;
        var yes = Power(validators, proposal.YesVoters);
        var no = Power(validators, proposal.NoVoters);
        if (validators.IsQuorum(yes))
        {
            var overlay = new StateOverlay(state);
            var outcome = proposal.Action.Apply(overlay, block);
            if (outcome.IsSuccess)
            {
                overlay.MergeInto(state);
                return proposal with { Status = ProposalStatus.Passed, DecidedHeight = block.Height };
            }

            return proposal with { Status = ProposalStatus.Failed, DecidedHeight = block.Height, ResultCode = outcome.Code! };
        }

        if ((UInt128)no * 3 >= validators.TotalPower)
        {
            return proposal with { Status = ProposalStatus.Rejected, DecidedHeight = block.Height };
        }

        return block.Height >= proposal.VotingEndHeight
            ? proposal with { Status = ProposalStatus.Expired, DecidedHeight = block.Height }
            : null;
    }

    private static ulong Power(ValidatorSet validators, IReadOnlyList<Address> voters)
    {
        var power = 0UL;
        foreach (var voter in voters)
        {
            power += validators.Find(voter)?.Power ?? 0;
        }

        return power;
    }
}
