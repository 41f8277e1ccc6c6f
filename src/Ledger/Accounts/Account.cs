using DaiChain.Ledger.Encoding;

namespace DaiChain.Ledger.Accounts;

/// <summary>An account's state: next nonce, token balance and granted roles.</summary>
/// <remarks>
/// Encoding: version <c>u8 = 1</c>, nonce <c>varuint</c>, balance <c>varuint</c>, roles
/// <c>list&lt;string&lt;32&gt;, 16&gt;</c> sorted ordinally without repeats. An account with nonce 0, balance 0
/// and no roles is the same as no account and is not stored.
/// </remarks>
public sealed record Account : ICanonicalEncodable<Account>
{
    public const int MaxRoles = 16;
    private const byte Version1 = 1;

    private readonly string[] _roles = [];

    public static Account Empty { get; } = new();

    /// <summary>The nonce the account's next transaction must carry.</summary>
    public ulong Nonce { get; init; }

    public ulong Balance { get; init; }

    /// <summary>Granted roles, sorted ordinally.</summary>
    public IReadOnlyList<string> Roles
    {
        get => _roles;
        init
        {
            var sorted = IsStrictlySorted(value) ? [.. value] : value.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            ArgumentOutOfRangeException.ThrowIfGreaterThan(sorted.Length, MaxRoles);
            _roles = sorted;
        }
    }

    public bool IsEmpty => Nonce == 0 && Balance == 0 && _roles.Length == 0;

    public bool HasRole(string role) => Array.BinarySearch(_roles, role, StringComparer.Ordinal) >= 0;

    public Account WithRole(string role) => this with { Roles = [.. _roles, role] };

    public Account WithoutRole(string role) => this with { Roles = [.. _roles.Where(r => r != role)] };

    public bool Equals(Account? other) =>
        other is not null && Nonce == other.Nonce && Balance == other.Balance && _roles.AsSpan().SequenceEqual(other._roles);

    public override int GetHashCode() => HashCode.Combine(Nonce, Balance, _roles.Length);

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteVarUInt(Nonce);
        writer.WriteVarUInt(Balance);
        writer.WriteList(_roles, MaxRoles, static (ref CanonicalWriter w, string r) => w.WriteString(r, RoleRegistry.MaxRoleNameBytes));
    }

    public static Account Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("account.version", Version1);
        var nonce = reader.ReadVarUInt("account.nonce");
        var balance = reader.ReadVarUInt("account.balance");
        var at = reader.Position;
        var roles = reader.ReadList("account.roles", MaxRoles, static (ref CanonicalReader r) => r.ReadString("account.role", RoleRegistry.MaxRoleNameBytes));
        for (var i = 1; i < roles.Length; i++)
        {
            if (string.CompareOrdinal(roles[i - 1], roles[i]) >= 0)
            {
                throw new CodecException("account.roles", at, "roles must be sorted without repeats");
            }
        }

        return new Account { Nonce = nonce, Balance = balance, Roles = roles };
    }

    // Every account read decodes one, almost always without roles: an already sorted list (what Decode passes) is
    // copied without the LINQ sort, which showed in the profile of a validator under load.
    private static bool IsStrictlySorted(IReadOnlyList<string> roles)
    {
        for (var i = 1; i < roles.Count; i++)
        {
            if (string.CompareOrdinal(roles[i - 1], roles[i]) >= 0)
            {
                return false;
            }
        }

        return true;
    }
}
