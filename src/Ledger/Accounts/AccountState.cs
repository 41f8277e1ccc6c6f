using System.Collections.Concurrent;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;

namespace DaiChain.Ledger.Accounts;

/// <summary>Reads and writes accounts in state under <c>acct/{address}</c>.</summary>
public static class AccountState
{
    public const string Space = "acct";

    private const int KeyCacheEntries = 1 << 18;

    /// <remarks>A pure function cache: a transfer touches its two accounts' keys about seven times.</remarks>
    private static readonly ConcurrentDictionary<Address, Hash256> KeyCache = new();

    // ConcurrentDictionary.Count takes every bucket lock, and every first sight of an address would pay for it:
    // inserts are counted here instead. A clear racing with inserts only costs recomputing a few keys.
    private static int _keyCacheCount;

    public static Hash256 Key(Address address)
    {
        if (KeyCache.TryGetValue(address, out var key))
        {
            return key;
        }

        key = StateKeys.For(Space, address);
        if (KeyCache.TryAdd(address, key) && Interlocked.Increment(ref _keyCacheCount) >= KeyCacheEntries)
        {
            KeyCache.Clear();
            Volatile.Write(ref _keyCacheCount, 0);
        }

        return key;
    }

    /// <summary>The account, or <see cref="Account.Empty"/> when none is stored.</summary>
    public static Account Get(IStateReader state, Address address)
    {
        var bytes = state.Get(Key(address));
        return bytes is null ? Account.Empty : Canonical.Decode<Account>(bytes);
    }

    /// <summary>Stores the account; an empty account is deleted instead.</summary>
    public static void Put(IStateAccess state, Address address, Account account)
    {
        if (account.IsEmpty)
        {
            state.Delete(Key(address));
        }
        else
        {
            state.Set(Key(address), Canonical.Encode(account));
        }
    }
}
