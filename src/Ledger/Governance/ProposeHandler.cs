using System.Globalization;
using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Parameters;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Governance;

/// <summary>
/// Submits a governance proposal. Current validators and holders of the <c>governor</c> role may propose; a
/// validator's proposal counts as its yes vote. The action is tried against a throwaway copy of the state, so
/// a proposal that could not apply now (unknown validator, existing node) is refused with the action's code.
/// </summary>
public sealed class ProposeHandler(ChainRules rules) : TransactionHandler<ProposePayload>
{
    public override ushort Kind => TransactionKinds.Propose;

    public override string Name => "propose";

    protected override Outcome Validate(ProposePayload payload) => payload.Action.Validate(rules);

    protected override Outcome Execute(TransactionContext context, ProposePayload payload)
    {
        var block = context.Block;
        var isValidator = block.Validators.Contains(context.Sender);
        if (!isValidator && !AccountState.Get(context.State, context.Sender).HasRole(RoleRegistry.Governor))
        {
            return Outcome.Fail(ErrorCodes.NotAuthorized, $"{context.Sender} may not propose: only current validators and accounts with the '{RoleRegistry.Governor}' role can");
        }

        var open = GovernanceState.GetOpen(context.State);
        var maxOpen = ParameterState.Get(context.State, rules.Parameters, LedgerParameters.MaxActiveProposals);
        if ((ulong)open.Count >= maxOpen)
        {
            return Outcome.Fail(ErrorCodes.TooManyProposals, $"{open.Count} proposals are open, the most allowed; wait for one to be decided or expire");
        }

        var trial = payload.Action.Apply(new StateOverlay(context.State), block);
        if (!trial.IsSuccess)
        {
            return Outcome.Fail(trial.Code!, $"the proposed action cannot apply: {trial.Message}");
        }

        var id = GovernanceState.TakeNextId(context.State);
        var period = ParameterState.Get(context.State, rules.Parameters, LedgerParameters.VotingPeriodBlocks);
        var proposal = new Proposal
        {
            Id = id,
            Proposer = context.Sender,
            Action = payload.Action,
            Summary = payload.Summary,
            SubmittedHeight = block.Height,
            VotingEndHeight = block.Height + period,
        };
        if (isValidator)
        {
            proposal = proposal.WithVote(context.Sender, approve: true);
        }

        GovernanceState.Put(context.State, proposal);
        GovernanceState.PutOpen(context.State, [.. open, id]);
        context.Emit(
            "proposal_submitted",
            ("id", id.ToString(CultureInfo.InvariantCulture)),
            ("proposer", context.Sender.ToString()),
            ("action", payload.Action.Describe()),
            ("voting_end_height", proposal.VotingEndHeight.ToString(CultureInfo.InvariantCulture)));
        return Outcome.Success;
    }
}
