using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Primitives;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Chain;

/// <summary>Signed chain objects for codec and verification tests.</summary>
internal static class ChainSamples
{
    public const string ChainId = "daichain-test";

    public static ValidatorSet Validators(int count, ulong power = 10) =>
        ValidatorSet.Create(Enumerable.Range(0, count).Select(i => new Validator(Keys.Validator(i).PublicKey, power + (ulong)i)));

    public static Vote Vote(ValidatorSet set, int index, VoteType type, ulong height, uint round, Hash256? block, long time = 1000, string chainId = ChainId)
    {
        var key = Enumerable.Range(0, 32).Select(Keys.Validator).First(k => k.Address == set[index].Address);
        return Ledger.Chain.Vote.Sign(key.Signer(), chainId, type, height, round, block, time, index);
    }

    public static CommitCertificate Commit(ValidatorSet set, ulong height, Hash256 block, IEnumerable<int> signers, uint round = 0, string chainId = ChainId) =>
        CommitCertificate.FromPrecommits(height, round, block, signers.Select(i => Vote(set, i, VoteType.Precommit, height, round, block, 1000 + i, chainId)));

    public static BlockHeader Header(ulong height = 5, Random? random = null)
    {
        random ??= new Random(7);
        return new BlockHeader
        {
            ChainId = ChainId,
            Height = height,
            TimeMs = 1_767_225_600_000 + (long)height,
            PreviousBlockHash = random.NextHash(),
            LastCommitHash = random.NextHash(),
            TransactionsRoot = random.NextHash(),
            ReceiptsRoot = random.NextHash(),
            StateRoot = random.NextHash(),
            ValidatorsHash = random.NextHash(),
            NextValidatorsHash = random.NextHash(),
            EvidenceHash = random.NextHash(),
            ProposerAddress = random.NextAddress(),
        };
    }
}
