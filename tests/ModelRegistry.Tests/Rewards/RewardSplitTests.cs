using System.Numerics;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Rewards;
using DaiChain.TestKit;

namespace DaiChain.ModelRegistry.Tests.Rewards;

public sealed class RewardSplitTests
{
    [Theory]
    [MemberData(nameof(Seeds.Default), MemberType = typeof(Seeds))]
    public void Shares_sum_exactly_to_the_pool_and_stay_within_one_token_of_the_exact_proportion(int seed)
    {
        Property.ForAll(seed, random =>
        {
            var count = random.Next(1, 40);
            var scores = new Dictionary<Address, BigInteger>();
            for (var i = 0; i < count; i++)
            {
                var magnitude = random.Next(0, 4) switch
                {
                    0 => new BigInteger(random.Next(0, 3)),
                    1 => new BigInteger(random.UInt64OfAnyWidth()),
                    2 => new BigInteger(random.UInt64OfAnyWidth()) * random.UInt64OfAnyWidth() * 256,
                    _ => new BigInteger(random.Next(1, 1_000)),
                };
                scores[random.NextAddress()] = magnitude;
            }

            var pool = random.UInt64OfAnyWidth();
            var shares = RewardSplit.Split(pool, scores);
            var total = scores.Values.Aggregate(BigInteger.Zero, (a, b) => a + b);
            if (total.IsZero || pool == 0)
            {
                Assert.Empty(shares);
                return;
            }

            Assert.Equal(new BigInteger(pool), shares.Aggregate(BigInteger.Zero, (sum, s) => sum + s.Amount));
            foreach (var (account, amount) in shares)
            {
                var exactFloor = pool * scores[account] / total;
                Assert.InRange(new BigInteger(amount), exactFloor, exactFloor + 1);
            }

            Assert.Equal(shares.Select(s => s.Account).Order(), shares.Select(s => s.Account));
            Assert.All(shares, s => Assert.True(scores[s.Account] > 0));
        });
    }

    [Fact]
    public void Leftover_tokens_go_to_the_largest_remainders_then_the_lower_address()
    {
        var a = new Address(Enumerable.Repeat((byte)1, 20).ToArray());
        var b = new Address(Enumerable.Repeat((byte)2, 20).ToArray());
        var c = new Address(Enumerable.Repeat((byte)3, 20).ToArray());

        // 10 tokens over scores 1:1:1 → 3 each, one left; equal remainders, so the lowest address gets it.
        Assert.Equal([(a, 4UL), (b, 3UL), (c, 3UL)], RewardSplit.Split(10, new Dictionary<Address, BigInteger> { [c] = 1, [b] = 1, [a] = 1 }));

        // 10 over 1:2:4 (total 7): exact 1.43, 2.86, 5.71 → floors 1, 2, 5 and remainders 3/7, 6/7, 5/7: b then c get the 2 left.
        Assert.Equal([(a, 1UL), (b, 3UL), (c, 6UL)], RewardSplit.Split(10, new Dictionary<Address, BigInteger> { [a] = 1, [b] = 2, [c] = 4 }));

        // Zero scores get nothing, and the same input always gives the same output.
        Assert.Equal([(b, 7UL)], RewardSplit.Split(7, new Dictionary<Address, BigInteger> { [a] = 0, [b] = 5 }));
    }
}
