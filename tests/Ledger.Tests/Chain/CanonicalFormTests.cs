using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Governance;
using DaiChain.Ledger.Network;
using DaiChain.Ledger.Staking;
using DaiChain.Ledger.Transactions;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Chain;

/// <summary>
/// One property for every encoded chain type: bytes that decode are the one encoding of the decoded value
/// (re-encoding gives them back exactly), and anything else fails with a <see cref="CodecException"/> —
/// never another exception, never a second encoding. Checked on truncations, extensions and random byte
/// flips, insertions and deletions of real samples.
/// </summary>
public sealed class CanonicalFormTests
{
    public static TheoryData<string> Types => [.. Samples().Keys];

    [Theory]
    [MemberData(nameof(Types))]
    public void Round_trips_and_rejects_truncation_and_trailing_bytes(string type)
    {
        var (bytes, roundTrip) = Samples()[type];
        Assert.Equal(bytes, roundTrip(bytes));
        for (var length = 0; length < bytes.Length; length++)
        {
            var prefix = bytes[..length];
            Assert.Throws<CodecException>(() => roundTrip(prefix));
        }

        Assert.Throws<CodecException>(() => roundTrip([.. bytes, 0]));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Mutated_bytes_either_fail_cleanly_or_are_canonical(string type)
    {
        var (bytes, roundTrip) = Samples()[type];
        Property.ForAll(type.Length * 7919, random =>
        {
            var mutated = Mutate(bytes, random);
            byte[] reencoded;
            try
            {
                reencoded = roundTrip(mutated);
            }
            catch (CodecException)
            {
                return;
            }

            Assert.Equal(mutated, reencoded);
        }, cases: 300);
    }

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        var list = bytes.ToList();
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            switch (random.Next(3))
            {
                case 0 when list.Count > 0:
                    list[random.Next(list.Count)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    list.Insert(random.Next(list.Count + 1), (byte)random.Next(256));
                    break;
                default:
                    if (list.Count > 0)
                    {
                        list.RemoveAt(random.Next(list.Count));
                    }

                    break;
            }
        }

        return [.. list];
    }

    private static Dictionary<string, (byte[] Bytes, Func<byte[], byte[]> RoundTrip)> Samples()
    {
        var random = new Random(99);
        var set = ChainSamples.Validators(4);
        var block = random.NextHash();
        var vote = ChainSamples.Vote(set, 1, VoteType.Precommit, 12, 3, block);
        var evidence = new DuplicateVoteEvidence(vote, ChainSamples.Vote(set, 1, VoteType.Precommit, 12, 3, null));
        var commit = ChainSamples.Commit(set, 12, block, [0, 1, 3]);
        var tx = Build.A.Transaction.From(Keys.Account(0)).Nonce(300).Transfer(Keys.Account(1).Address, 70_000, "memo").Signed();
        var receipt = new Receipt(tx.Hash, Outcome.Success, [new ReceiptEvent("transfer", [new("amount", "70000")])]);
        var proposal = new Proposal
        {
            Id = 3,
            Proposer = Keys.Validator(0).Address,
            Action = new AddNodeAction(new NetworkNode(Keys.Node(1).PublicKey, "n1", NodeRole.Observer)),
            Summary = "admit the auditor",
            SubmittedHeight = 5,
            VotingEndHeight = 15,
            YesVoters = [.. new[] { Keys.Validator(0).Address, Keys.Validator(2).Address }.Order()],
            NoVoters = [Keys.Validator(1).Address],
        };
        GovernanceAction[] actions =
        [
            new AddValidatorAction(Keys.Validator(5).PublicKey, "five", 12),
            new RemoveValidatorAction(Keys.Validator(1).Address),
            new ReweightValidatorAction(Keys.Validator(1).Address, 0),
            new GrantRoleAction(Keys.Account(1).Address, RoleRegistry.Governor),
            new RevokeRoleAction(Keys.Account(1).Address, RoleRegistry.Governor),
            new RemoveNodeAction(Keys.Node(1).Address),
            new ChangeParameterAction("staking.max_validators", 7),
        ];

        var samples = new Dictionary<string, (byte[], Func<byte[], byte[]>)>(StringComparer.Ordinal)
        {
            ["ValidatorSet"] = Sample(set),
            ["Vote"] = Sample(vote),
            ["CommitCertificate"] = Sample(commit),
            ["DuplicateVoteEvidence"] = Sample(evidence),
            ["BlockHeader"] = Sample(ChainSamples.Header()),
            ["Transaction"] = Sample(tx.Transaction),
            ["SignedTransaction"] = Sample(tx),
            ["Receipt"] = Sample(receipt),
            ["Account"] = Sample(new Account { Nonce = 9, Balance = 1_000, Roles = ["governor", "model_publisher"] }),
            ["ValidatorRecord"] = Sample(new ValidatorRecord { PublicKey = Keys.Validator(3).PublicKey, Name = "v3", Granted = 10, Bonded = 5, Jailed = true }),
            ["NetworkNode"] = Sample(new NetworkNode(Keys.Node(2).PublicKey, "node-2", NodeRole.Validator)),
            ["Proposal"] = Sample(proposal),
            ["TransferPayload"] = Sample(new TransferPayload(Keys.Account(2).Address, 5, "hi")),
            ["StakePayload"] = Sample(new StakePayload(1_000_000)),
            ["VoteOnProposalPayload"] = Sample(new VoteOnProposalPayload(77, true)),
            ["ChainMeta"] = Sample(new ChainMeta("daichain-test", 1_767_225_600_000, random.NextHash(), ConsensusParams.Default)),
            ["Block"] = BlockSample(),
        };
        foreach (var action in actions)
        {
            samples[$"ProposePayload({action.Kind})"] = Sample(new ProposePayload(action, "why"));
        }

        return samples;
    }

    private static (byte[], Func<byte[], byte[]>) Sample<T>(T value)
        where T : ICanonicalEncodable<T> =>
        (Canonical.Encode(value), static bytes => Canonical.Encode(Canonical.Decode<T>(bytes)));

    private static (byte[], Func<byte[], byte[]>) BlockSample()
    {
        var chain = new TestChain();
        chain.CommitNext(Build.A.Transfer.From(Keys.Account(0)).Signed());
        var (block, _) = chain.Propose([Build.A.Transfer.From(Keys.Account(0)).Nonce(1).Signed()]);
        return (block.Encode(), static bytes => Block.FromBytes(bytes).Encode());
    }
}
