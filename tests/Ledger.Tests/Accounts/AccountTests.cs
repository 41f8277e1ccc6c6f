using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Encoding;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Accounts;

public sealed class AccountTests
{
    [Fact]
    public void Round_trips_and_normalizes_roles()
    {
        var account = new Account { Nonce = 7, Balance = ulong.MaxValue, Roles = ["zeta", "governor", "alpha", "governor"] };
        Assert.Equal(["alpha", "governor", "zeta"], account.Roles);
        var decoded = Canonical.Decode<Account>(Canonical.Encode(account));
        Assert.Equal(account, decoded);
        Assert.True(decoded.HasRole("zeta"));
        Assert.False(decoded.WithoutRole("zeta").HasRole("zeta"));
    }

    [Fact]
    public void Roles_are_copied_whether_or_not_they_came_sorted()
    {
        string[] sorted = ["alpha", "beta"];
        var account = new Account { Roles = sorted };
        sorted[0] = "omega";
        Assert.Equal(["alpha", "beta"], account.Roles);
        Assert.Empty(new Account { Roles = [] }.Roles);
        Assert.Equal(["a"], new Account { Roles = ["a", "a"] }.Roles);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Account { Roles = [.. Enumerable.Range(0, Account.MaxRoles + 1).Select(i => $"r{i:D2}")] });
    }

    [Fact]
    public void Rejects_unsorted_roles_and_unknown_versions()
    {
        var bytes = Canonical.Encode(new Account { Roles = ["a", "b"] });
        var swapped = (byte[])bytes.Clone();
        // roles list: count 2, then "a" (len 1) and "b" (len 1) at the end of the encoding.
        (swapped[^3], swapped[^1]) = (swapped[^1], swapped[^3]);
        Assert.Throws<CodecException>(() => Canonical.Decode<Account>(swapped));
        var version = (byte[])bytes.Clone();
        version[0] = 9;
        Assert.Throws<CodecException>(() => Canonical.Decode<Account>(version));
    }

    [Fact]
    public void Property_random_accounts_round_trip()
    {
        Property.ForAll(42, random =>
        {
            var roles = Enumerable.Range(0, random.Next(0, 5)).Select(i => $"role_{random.Next(100)}").ToArray();
            var account = new Account { Nonce = random.UInt64OfAnyWidth(), Balance = random.UInt64OfAnyWidth(), Roles = roles };
            Assert.Equal(account, Canonical.Decode<Account>(Canonical.Encode(account)));
        }, cases: 200);
    }

    [Fact]
    public void Role_names_are_checked()
    {
        var registry = new RoleRegistry();
        Assert.True(registry.IsKnown(RoleRegistry.Governor));
        Assert.Throws<ArgumentException>(() => registry.Register("Bad-Name", "x"));
        Assert.Throws<ArgumentException>(() => registry.Register(RoleRegistry.Governor, "again"));
        registry.Register("model_publisher", "publishes models");
        registry.Freeze();
        Assert.Throws<InvalidOperationException>(() => registry.Register("late", "too late"));
    }
}
