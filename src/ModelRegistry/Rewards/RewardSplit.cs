using System.Numerics;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Rewards;

/// <summary>
/// Splits a pool of tokens among accounts in proportion to their scores, in integer arithmetic, so that the
/// shares add up to the pool exactly.
/// </summary>
/// <remarks>
/// Rounding rule (largest remainder, Hamilton's method): each account first gets
/// <c>floor(pool · score / total)</c>; the tokens left over (fewer than the number of accounts) go one each to the
/// accounts with the largest remainders <c>pool · score mod total</c>, ties broken by the lower address. Accounts
/// with score 0 get nothing and are not listed. Exact big-integer arithmetic, no floating point, and an order
/// fixed by the data: every node computes the same shares.
/// </remarks>
public static class RewardSplit
{
    /// <summary>The shares of <paramref name="pool"/>, by address ascending; empty when no score is positive.</summary>
    public static IReadOnlyList<(Address Account, ulong Amount)> Split(ulong pool, IReadOnlyDictionary<Address, BigInteger> scores)
    {
        var positive = scores.Where(s => s.Value.Sign > 0).OrderBy(s => s.Key).ToList();
        var total = BigInteger.Zero;
        foreach (var entry in positive)
        {
            total += entry.Value;
        }

        if (positive.Count == 0 || pool == 0)
        {
            return [];
        }

        var amounts = new ulong[positive.Count];
        var remainders = new BigInteger[positive.Count];
        var given = BigInteger.Zero;
        for (var i = 0; i < positive.Count; i++)
        {
            var quotient = BigInteger.DivRem(pool * positive[i].Value, total, out var remainder);
            amounts[i] = (ulong)quotient;
            remainders[i] = remainder;
            given += quotient;
        }

        var leftover = (int)(pool - given);
        Ledger.Invariant.Check(leftover >= 0 && leftover < positive.Count, $"largest-remainder leftover {leftover} is not below the {positive.Count} recipients");
        var order = Enumerable.Range(0, positive.Count)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => positive[i].Key)
            .Take(leftover);
        foreach (var i in order)
        {
            amounts[i]++;
        }

        var result = new List<(Address, ulong)>(positive.Count);
        for (var i = 0; i < positive.Count; i++)
        {
            if (amounts[i] > 0)
            {
                result.Add((positive[i].Key, amounts[i]));
            }
        }

        return result;
    }
}
