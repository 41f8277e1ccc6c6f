using DaiChain.Consensus.Signing;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Primitives;
using DaiChain.TestKit;

namespace DaiChain.Consensus.Tests.Signing;

public class FileSignerStateStoreTests
{
    private static SignerState State(ulong height, SignStep step) =>
        new(height, 2, step, Hash256.Compute([(byte)height]), Hash256.Compute([9]), -1, 1234, Keys.Validator(0).Signer().Sign(Ledger.Crypto.SigningDomain.Vote, "x", [1]));

    [Fact]
    public void Empty_store_has_no_state()
    {
        using var directory = new TemporaryDirectory();
        using var store = new FileSignerStateStore(directory.Combine("signer.state"));
        Assert.Null(store.Load());
    }

    [Fact]
    public void Last_saved_state_survives_reopening()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("signer.state");
        using (var store = new FileSignerStateStore(path))
        {
            store.Load();
            store.Save(State(1, SignStep.Prevote));
            store.Save(State(1, SignStep.Precommit));
            store.Save(State(2, SignStep.Proposal));
        }

        using var reopened = new FileSignerStateStore(path);
        Assert.Equal(State(2, SignStep.Proposal), reopened.Load());
    }

    [Fact]
    public void A_torn_slot_leaves_the_previous_state()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("signer.state");
        using (var store = new FileSignerStateStore(path))
        {
            store.Load();
            store.Save(State(1, SignStep.Prevote));
            store.Save(State(1, SignStep.Precommit));
        }

        // Damage the slot written last (sequence 2 lives in slot 0): a crash in the middle of that write.
        using (var file = new FileStream(path, FileMode.Open))
        {
            file.Position = 40;
            file.WriteByte(0xFF);
        }

        using var reopened = new FileSignerStateStore(path);
        Assert.Equal(State(1, SignStep.Prevote), reopened.Load());
        reopened.Save(State(3, SignStep.Prevote));
        Assert.Equal(State(3, SignStep.Prevote), reopened.Load());
    }

    [Fact]
    public void Guard_over_a_file_refuses_a_conflict_after_reopening()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("signer.state");
        using (var store = new FileSignerStateStore(path))
        {
            new GuardedSigner(Keys.Validator(1).Signer(), store, "daichain-test").SignVote(VoteType.Prevote, 7, 0, Hash256.Compute([1]), 10, 0);
        }

        using var reopened = new FileSignerStateStore(path);
        var guard = new GuardedSigner(Keys.Validator(1).Signer(), reopened, "daichain-test");
        Assert.Throws<SignRefusedException>(() => guard.SignVote(VoteType.Prevote, 7, 0, null, 10, 0));
    }
}
