using DaiChain.Ledger;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.Transactions;
using DaiChain.RegistryTestKit;
using DaiChain.TestKit;

namespace DaiChain.ModelRegistry.Tests.Transactions;

/// <summary>The gate's layout rule on an executed block: a successful gated version is followed by its proposer's successful record.</summary>
public sealed class EvaluationPairingTests
{
    private const string ChainId = "daichain-test";
    private static readonly Hash256 Model = Samples.ModelId(Actors.Alice.Address);
    private static readonly PrivateKey Proposer = Keys.Validator(0);

    private static SignedTransaction Version(string semver, ulong nonce, params string[] benchmarks) =>
        RegistryTransactions.Create(ChainId, nonce, Samples.Version(Model, semver) with { Benchmarks = benchmarks }).Sign(Actors.Alice.Signer());

    private static SignedTransaction Record(string semver, ulong nonce, PrivateKey? from = null) =>
        RegistryTransactions.Create(ChainId, nonce, new RecordEvaluationPayload(Samples.VersionId(Model, semver),
            [new EvaluationRecordEntry("cancer", RecordEvaluationTests.Accuracy(Samples.Artifact(semver), Hash256.Compute("d"u8), 164, 9_000))])).Sign((from ?? Proposer).Signer());

    private static Outcome Find(out IReadOnlyList<GatedVersion> gated, params (SignedTransaction Tx, bool Success)[] block)
    {
        var senders = block.Select(b => b.Tx.TryRecoverSender(out var s) ? s : default).ToList();
        var receipts = block.Select(b => new Receipt(b.Tx.Hash, b.Success ? Outcome.Success : Outcome.Fail("some_code", "failed"), [])).ToList();
        return EvaluationPairing.Find([.. block.Select(b => b.Tx)], receipts, senders, Proposer.Address, out gated);
    }

    [Fact]
    public void A_gated_version_followed_by_its_record_is_found()
    {
        var outcome = Find(out var gated, (Version("1.0.0", 0, "cancer"), true), (Record("1.0.0", 0), true), (Version("1.1.0", 1), true));
        Assert.True(outcome.IsSuccess, outcome.ToString());
        var found = Assert.Single(gated);
        Assert.Equal(0, found.Index);
        Assert.Equal(Samples.VersionId(Model, "1.0.0"), found.Record.VersionId);
    }

    [Fact]
    public void Versions_without_benchmarks_and_failed_versions_need_no_record()
    {
        Assert.True(Find(out var gated, (Version("1.0.0", 0), true), (Version("1.1.0", 1, "cancer"), false)).IsSuccess);
        Assert.Empty(gated);
    }

    [Fact]
    public void Every_broken_layout_is_refused_with_one_code()
    {
        var cases = new[]
        {
            Find(out _, (Version("1.0.0", 0, "cancer"), true)),
            Find(out _, (Version("1.0.0", 0, "cancer"), true), (Version("1.1.0", 1), true)),
            Find(out _, (Record("1.0.0", 0), true)),
            Find(out _, (Version("1.0.0", 0, "cancer"), true), (Record("1.0.0", 0, Keys.Validator(1)), true)),
            Find(out _, (Version("1.0.0", 0, "cancer"), true), (Record("1.0.0", 0), false)),
            Find(out _, (Version("1.0.0", 0, "cancer"), true), (Record("2.0.0", 0), true)),
            Find(out _, (Version("1.0.0", 0, "cancer"), true), (Record("1.0.0", 0), true), (Record("1.0.0", 1), true)),
        };

        foreach (var outcome in cases)
        {
            Assert.Equal(EvaluationPairing.UnpairedCode, outcome.Code);
            Assert.False(string.IsNullOrWhiteSpace(outcome.Message));
        }
    }
}
