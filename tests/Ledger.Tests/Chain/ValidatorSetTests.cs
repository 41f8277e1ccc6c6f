using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Chain;

public sealed class ValidatorSetTests
{
    [Fact]
    public void Orders_by_address_whatever_the_input_order_and_hashes_the_same()
    {
        var validators = Enumerable.Range(0, 7).Select(i => new Validator(Keys.Validator(i).PublicKey, (ulong)(i + 1))).ToList();
        var a = ValidatorSet.Create(validators);
        var b = ValidatorSet.Create(new Random(3).Shuffled(validators));
        Assert.Equal(a.Hash, b.Hash);
        Assert.Equal(a.Validators.Select(v => v.Address).Order(), a.Validators.Select(v => v.Address));
        Assert.Equal(28UL, a.TotalPower);
        Assert.True(a.TryGetIndex(Keys.Validator(3).Address, out var index));
        Assert.Equal(Keys.Validator(3).Address, a[index].Address);
    }

    [Fact]
    public void Quorum_is_strictly_more_than_two_thirds()
    {
        var set = ValidatorSet.Create(Enumerable.Range(0, 3).Select(i => new Validator(Keys.Validator(i).PublicKey, 1)));
        Assert.False(set.IsQuorum(2));
        Assert.True(set.IsQuorum(3));
        Assert.Equal(3UL, set.QuorumPower);
        var four = ChainSamples.Validators(4, 10);
        Assert.Equal((four.TotalPower * 2 / 3) + 1, four.QuorumPower);
        Assert.True(four.IsQuorum(four.QuorumPower));
        Assert.False(four.IsQuorum(four.QuorumPower - 1));
    }

    [Fact]
    public void Rejects_empty_duplicate_and_oversized_sets()
    {
        Assert.Throws<ArgumentException>(() => ValidatorSet.Create([]));
        var key = Keys.Validator(0).PublicKey;
        Assert.Throws<ArgumentException>(() => ValidatorSet.Create([new Validator(key, 1), new Validator(key, 2)]));
        Assert.Throws<ArgumentException>(() => ValidatorSet.Create([new Validator(key, ChainLimits.MaxTotalVotingPower), new Validator(Keys.Validator(1).PublicKey, 1)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Validator(key, 0));
    }

    [Fact]
    public void Round_trips_and_rejects_non_canonical_encodings()
    {
        var set = ChainSamples.Validators(5);
        var bytes = Canonical.Encode(set);
        var decoded = Canonical.Decode<ValidatorSet>(bytes);
        Assert.Equal(set.Hash, decoded.Hash);
        Assert.Equal(bytes, Canonical.Encode(decoded));

        Assert.Throws<CodecException>(() => Canonical.Decode<ValidatorSet>([.. bytes, 0]));
        Assert.Throws<CodecException>(() => Canonical.Decode<ValidatorSet>(bytes.AsSpan(0, bytes.Length - 1)));

        // Swap the first two validators (each 33-byte key + 1-byte power): the order is no longer by address.
        var swapped = (byte[])bytes.Clone();
        var first = swapped.AsSpan(2, 34).ToArray();
        swapped.AsSpan(36, 34).CopyTo(swapped.AsSpan(2, 34));
        first.CopyTo(swapped.AsSpan(36, 34));
        Assert.Throws<CodecException>(() => Canonical.Decode<ValidatorSet>(swapped));

        // A zero power.
        var zero = (byte[])bytes.Clone();
        zero[35] = 0;
        Assert.Throws<CodecException>(() => Canonical.Decode<ValidatorSet>(zero));
    }
}
