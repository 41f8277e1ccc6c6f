using System.Globalization;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Governance;

/// <summary>
/// Records a current validator's yes or no on an open proposal. Votes are final. Proposals are tallied at
/// the end of each block against that block's validator set (<see cref="GovernanceTally"/>).
/// </summary>
public sealed class VoteOnProposalHandler : TransactionHandler<VoteOnProposalPayload>
{
    public override ushort Kind => TransactionKinds.VoteOnProposal;

    public override string Name => "gov_vote";

    protected override Outcome Execute(TransactionContext context, VoteOnProposalPayload payload)
    {
        if (!context.Block.Validators.Contains(context.Sender))
        {
            return Outcome.Fail(ErrorCodes.NotAValidator, $"{context.Sender} is not in the current validator set; only validators vote on proposals");
        }

        var proposal = GovernanceState.Get(context.State, payload.ProposalId);
        if (proposal is null)
        {
            return Outcome.Fail(ErrorCodes.UnknownProposal, $"there is no proposal {payload.ProposalId}");
        }

        if (proposal.Status != ProposalStatus.Open || context.Block.Height > proposal.VotingEndHeight)
        {
            return Outcome.Fail(ErrorCodes.ProposalClosed, $"proposal {payload.ProposalId} is {proposal.Status.ToString().ToLowerInvariant()} and takes no more votes");
        }

        if (proposal.HasVoted(context.Sender))
        {
            return Outcome.Fail(ErrorCodes.AlreadyVoted, $"{context.Sender} already voted on proposal {payload.ProposalId}; votes are final");
        }

        GovernanceState.Put(context.State, proposal.WithVote(context.Sender, payload.Approve));
        context.Emit(
            "proposal_vote",
            ("id", payload.ProposalId.ToString(CultureInfo.InvariantCulture)),
            ("voter", context.Sender.ToString()),
            ("approve", payload.Approve ? "true" : "false"));
        return Outcome.Success;
    }
}
