using DaiChain.Consensus.Staking;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Tests;

/// <summary>Fixed committees for the core tests: member <c>i</c> has the address whose last byte is <c>i + 1</c>.</summary>
internal static class TestCommittees
{
    public static Address AddressOf(int index)
    {
        var bytes = new byte[Address.Size];
        bytes[^1] = (byte)(index + 1);
        bytes[^2] = (byte)((index + 1) >> 8);
        return new Address(bytes);
    }

    public static Committee Equal(int count) => WithPowers([.. Enumerable.Repeat(1L, count)]);

    public static Committee WithPowers(params long[] powers) =>
        new(powers.Select((power, i) => new CommitteeMember(AddressOf(i), power)));

    public static Hash256 Value(int n) => Hash256.Compute([(byte)n, 0x5A]);
}
