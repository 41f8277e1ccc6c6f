using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Governance;
using DaiChain.Ledger.Network;
using DaiChain.Ledger.Parameters;
using DaiChain.Ledger.Staking;
using DaiChain.Ledger.Transactions;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Execution;

public sealed class GovernanceExecutionTests
{
    private static TestChain NewChain(ulong votingPeriod = 10) => new(Build.A.Genesis
        .WithAccount(Keys.Account(5).Address, 0, RoleRegistry.Governor)
        .WithParameter(LedgerParameters.VotingPeriodBlocks, votingPeriod)
        .Build());

    private static Proposal ProposalOf(TestChain chain, ulong id) => GovernanceState.Get(chain.Head.State, id)!;

    [Fact]
    public void Adding_a_validator_passes_with_more_than_two_thirds_and_takes_effect_at_height_plus_two()
    {
        var chain = NewChain();
        var newcomer = Keys.Validator(7);
        chain.Know(newcomer);
        var propose = chain.CommitNext(Build.A.Transaction.From(Keys.Validator(0)).Propose(new AddValidatorAction(newcomer.PublicKey, "newcomer", 15)).Signed());
        Assert.True(chain.ReceiptsOf(propose).Single().Success, chain.ReceiptsOf(propose).Single().ToString());
        Assert.Equal(ProposalStatus.Open, ProposalOf(chain, 1).Status);

        // 10 (proposer) + 10 = 20 of 40: not enough.
        chain.CommitNext(Build.A.Transaction.From(Keys.Validator(1)).VoteOn(1, approve: true).Signed());
        Assert.Equal(ProposalStatus.Open, ProposalOf(chain, 1).Status);

        // 30 of 40 > 2/3.
        var decisive = chain.CommitNext(Build.A.Transaction.From(Keys.Validator(2)).VoteOn(1, approve: true).Signed());
        Assert.Equal(ProposalStatus.Passed, ProposalOf(chain, 1).Status);
        Assert.Equal(decisive.Height, ProposalOf(chain, 1).DecidedHeight);
        Assert.Null(chain.Store.GetValidatorSet(decisive.Height + 1)!.Find(newcomer.Address));
        Assert.Equal(15UL, chain.Store.GetValidatorSet(decisive.Height + 2)!.Find(newcomer.Address)!.Power);
        Assert.Empty(GovernanceState.GetOpen(chain.Head.State));

        // The chain keeps going with the new validator signing commits.
        chain.AdvanceTo(decisive.Height + 4);
    }

    [Fact]
    public void Proposals_expire_and_then_take_no_votes()
    {
        var chain = NewChain(votingPeriod: 2);
        var propose = chain.CommitNext(Build.A.Transaction.From(Keys.Validator(0)).Propose(new ChangeParameterAction(LedgerParameters.MaxValidators, 50)).Signed());
        chain.AdvanceTo(propose.Height + 2);
        Assert.Equal(ProposalStatus.Expired, ProposalOf(chain, 1).Status);
        chain.FailsWith(Build.A.Transaction.From(Keys.Validator(1)).VoteOn(1, true).Signed(), ErrorCodes.ProposalClosed, Keys.Validator(1).Address);
        Assert.Equal(100UL, ParameterState.Get(chain.Head.State, chain.Rules.Parameters, LedgerParameters.MaxValidators));
    }

    [Fact]
    public void A_third_voting_no_rejects_the_proposal()
    {
        var chain = NewChain();
        chain.CommitNext(Build.A.Transaction.From(Keys.Account(5)).Propose(new GrantRoleAction(Keys.Account(1).Address, RoleRegistry.Governor)).Signed());
        chain.CommitNext(
            Build.A.Transaction.From(Keys.Validator(1)).VoteOn(1, false).Signed(),
            Build.A.Transaction.From(Keys.Validator(2)).VoteOn(1, false).Signed());
        Assert.Equal(ProposalStatus.Rejected, ProposalOf(chain, 1).Status);
        Assert.False(chain.AccountOf(Keys.Account(1).Address).HasRole(RoleRegistry.Governor));
    }

    [Fact]
    public void Role_parameter_and_node_changes_apply_when_passed()
    {
        var chain = NewChain();
        var observer = new NetworkNode(Keys.Node(9).PublicKey, "auditor", NodeRole.Observer);
        chain.CommitNext(
            Build.A.Transaction.From(Keys.Validator(0)).Propose(new GrantRoleAction(Keys.Account(1).Address, RoleRegistry.Governor)).Signed(),
            Build.A.Transaction.From(Keys.Validator(0)).Nonce(1).Propose(new ChangeParameterAction(LedgerParameters.SlashFractionBps, 1_000)).Signed(),
            Build.A.Transaction.From(Keys.Validator(0)).Nonce(2).Propose(new AddNodeAction(observer)).Signed(),
            Build.A.Transaction.From(Keys.Validator(0)).Nonce(3).Propose(new RemoveNodeAction(Keys.Node(3).Address)).Signed());
        var votes = new List<SignedTransaction>();
        foreach (var voter in new[] { 1, 2 })
        {
            for (ulong id = 1; id <= 4; id++)
            {
                votes.Add(Build.A.Transaction.From(Keys.Validator(voter)).Nonce(id - 1).VoteOn(id, true).Signed());
            }
        }

        chain.CommitNext([.. votes]);
        Assert.All(Enumerable.Range(1, 4), id => Assert.Equal(ProposalStatus.Passed, ProposalOf(chain, (ulong)id).Status));
        Assert.True(chain.AccountOf(Keys.Account(1).Address).HasRole(RoleRegistry.Governor));
        Assert.Equal(1_000UL, ParameterState.Get(chain.Head.State, chain.Rules.Parameters, LedgerParameters.SlashFractionBps));
        Assert.Equal(NodeRole.Observer, NetworkNodeState.Find(chain.Head.State, observer.NodeId)!.Role);
        Assert.Null(NetworkNodeState.Find(chain.Head.State, Keys.Node(3).Address));
    }

    [Fact]
    public void Removing_and_reweighting_validators_and_revoking_a_role_pass_and_set_changes_wait_for_height_plus_two()
    {
        var chain = NewChain();
        var governor = Keys.Account(5).Address;
        chain.CommitNext(
            Build.A.Transaction.From(Keys.Validator(0)).Propose(new ReweightValidatorAction(Keys.Validator(3).Address, 25)).Signed(),
            Build.A.Transaction.From(Keys.Validator(0)).Nonce(1).Propose(new RemoveValidatorAction(Keys.Validator(2).Address)).Signed(),
            Build.A.Transaction.From(Keys.Validator(0)).Nonce(2).Propose(new RevokeRoleAction(governor, RoleRegistry.Governor)).Signed());
        Assert.All(Enumerable.Range(1, 3), id => Assert.Equal(ProposalStatus.Open, ProposalOf(chain, (ulong)id).Status));

        var votes = new List<SignedTransaction>();
        foreach (var voter in new[] { 1, 2 })
        {
            for (ulong id = 1; id <= 3; id++)
            {
                votes.Add(Build.A.Transaction.From(Keys.Validator(voter)).Nonce(id - 1).VoteOn(id, true).Signed());
            }
        }

        var decisive = chain.CommitNext([.. votes]);
        Assert.All(Enumerable.Range(1, 3), id => Assert.Equal(ProposalStatus.Passed, ProposalOf(chain, (ulong)id).Status));
        Assert.False(chain.AccountOf(governor).HasRole(RoleRegistry.Governor));

        // Height H+1 still runs with the old set; H+2 with the new one.
        var unchanged = chain.Store.GetValidatorSet(decisive.Height + 1)!;
        Assert.Equal(10UL, unchanged.Find(Keys.Validator(3).Address)!.Power);
        Assert.NotNull(unchanged.Find(Keys.Validator(2).Address));
        var changed = chain.Store.GetValidatorSet(decisive.Height + 2)!;
        Assert.Equal(25UL, changed.Find(Keys.Validator(3).Address)!.Power);
        Assert.Null(changed.Find(Keys.Validator(2).Address));
        Assert.Equal(3, changed.Count);

        // The chain goes on, its commits signed by the new set; the revoked governor can no longer propose.
        chain.AdvanceTo(decisive.Height + 3);
        chain.FailsWith(Build.A.Transaction.From(Keys.Account(5)).Propose(new ChangeParameterAction(LedgerParameters.MaxValidators, 50)).Signed(), ErrorCodes.NotAuthorized, governor);
    }

    [Fact]
    public void A_passed_proposal_whose_action_no_longer_applies_is_recorded_as_failed()
    {
        var chain = NewChain();
        var newcomer = Keys.Validator(8);
        chain.Know(newcomer);
        chain.CommitNext(
            Build.A.Transaction.From(Keys.Validator(0)).Propose(new AddValidatorAction(newcomer.PublicKey, "a", 5)).Signed(),
            Build.A.Transaction.From(Keys.Validator(0)).Nonce(1).Propose(new AddValidatorAction(newcomer.PublicKey, "b", 6)).Signed());
        chain.CommitNext(
            Build.A.Transaction.From(Keys.Validator(1)).Nonce(0).VoteOn(1, true).Signed(),
            Build.A.Transaction.From(Keys.Validator(1)).Nonce(1).VoteOn(2, true).Signed(),
            Build.A.Transaction.From(Keys.Validator(2)).Nonce(0).VoteOn(1, true).Signed(),
            Build.A.Transaction.From(Keys.Validator(2)).Nonce(1).VoteOn(2, true).Signed());
        Assert.Equal(ProposalStatus.Passed, ProposalOf(chain, 1).Status);
        Assert.Equal(ProposalStatus.Failed, ProposalOf(chain, 2).Status);
        Assert.Equal(ErrorCodes.ValidatorExists, ProposalOf(chain, 2).ResultCode);
        Assert.Equal("a", StakingState.GetRecord(chain.Head.State, newcomer.Address)!.Name);
    }

    [Fact]
    public void Unauthorized_repeated_and_unknown_votes_and_proposals_fail_with_their_codes()
    {
        var chain = NewChain();
        var outsider = Keys.Account(0);
        chain.FailsWith(Build.A.Transaction.From(outsider).Propose(new RemoveValidatorAction(Keys.Validator(0).Address)).Signed(), ErrorCodes.NotAuthorized, outsider.Address);
        chain.CommitNext(Build.A.Transaction.From(Keys.Validator(0)).Propose(new ReweightValidatorAction(Keys.Validator(3).Address, 20)).Signed());
        chain.FailsWith(Build.A.Transaction.From(outsider).Nonce(1).VoteOn(1, true).Signed(), ErrorCodes.NotAValidator, outsider.Address);
        chain.FailsWith(Build.A.Transaction.From(Keys.Validator(0)).Nonce(1).VoteOn(1, true).Signed(), ErrorCodes.AlreadyVoted, Keys.Validator(0).Address);
        chain.FailsWith(Build.A.Transaction.From(Keys.Validator(1)).VoteOn(99, true).Signed(), ErrorCodes.UnknownProposal, Keys.Validator(1).Address);
        chain.FailsWith(Build.A.Transaction.From(Keys.Validator(1)).Nonce(1).Propose(new RemoveNodeAction(Keys.Node(12).Address)).Signed(), ErrorCodes.UnknownNode, Keys.Validator(1).Address);
        chain.FailsWith(Build.A.Transaction.From(Keys.Validator(1)).Nonce(2).Propose(new AddValidatorAction(Keys.Validator(2).PublicKey, "dup", 1)).Signed(), ErrorCodes.ValidatorExists, Keys.Validator(1).Address);
        chain.FailsWith(Build.A.Transaction.From(Keys.Validator(1)).Nonce(3).Propose(new RemoveValidatorAction(Keys.Account(3).Address)).Signed(), ErrorCodes.UnknownValidator, Keys.Validator(1).Address);
        Assert.Single(GovernanceState.GetOpen(chain.Head.State));
    }

    [Fact]
    public void Removing_every_validator_is_refused()
    {
        var chain = new TestChain(Build.A.Genesis.WithValidators(1).Build());
        chain.FailsWith(Build.A.Transaction.From(Keys.Validator(0)).Propose(new RemoveValidatorAction(Keys.Validator(0).Address)).Signed(), ErrorCodes.ValidatorSetWouldEmpty, Keys.Validator(0).Address);
    }

    [Fact]
    public void Invalid_actions_are_refused_before_execution()
    {
        var chain = NewChain();
        var unknownRole = Build.A.Transaction.From(Keys.Validator(0)).Propose(new GrantRoleAction(Keys.Account(1).Address, "wizard")).Signed();
        Assert.Equal(ErrorCodes.UnknownRole, chain.Executor.CheckEnvelope(chain.ChainId, unknownRole, out _).Code);
        var badParameter = Build.A.Transaction.From(Keys.Validator(0)).Propose(new ChangeParameterAction(LedgerParameters.SlashFractionBps, 10_001)).Signed();
        Assert.Equal(ErrorCodes.ParameterOutOfRange, chain.Executor.CheckEnvelope(chain.ChainId, badParameter, out _).Code);
        var unknownParameter = Build.A.Transaction.From(Keys.Validator(0)).Propose(new ChangeParameterAction("nope.nothing", 1)).Signed();
        Assert.Equal(ErrorCodes.UnknownParameter, chain.Executor.CheckEnvelope(chain.ChainId, unknownParameter, out _).Code);
        var zeroPower = Build.A.Transaction.From(Keys.Validator(0)).Propose(new AddValidatorAction(Keys.Validator(9).PublicKey, "z", 0)).Signed();
        Assert.Equal(ErrorCodes.InvalidProposal, chain.Executor.CheckEnvelope(chain.ChainId, zeroPower, out _).Code);
    }
}
