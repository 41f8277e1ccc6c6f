using System.Collections.Concurrent;
using DaiChain.Ledger.Crypto;

namespace DaiChain.TestKit;

/// <summary>
/// Fixed test identities derived from public seeds (<see cref="PrivateKey.FromSeed"/>): the same index gives
/// the same key in every test and process. Never use them outside tests and devnets.
/// </summary>
public static class Keys
{
    public const string ValidatorSeed = "daichain-test/validator";
    public const string AccountSeed = "daichain-test/account";
    public const string NodeSeed = "daichain-test/node";

    private static readonly ConcurrentDictionary<(string, int), PrivateKey> Cache = new();

    public static PrivateKey Validator(int index) => Cache.GetOrAdd((ValidatorSeed, index), static k => PrivateKey.FromSeed(k.Item1, k.Item2));

    public static PrivateKey Account(int index) => Cache.GetOrAdd((AccountSeed, index), static k => PrivateKey.FromSeed(k.Item1, k.Item2));

    public static PrivateKey Node(int index) => Cache.GetOrAdd((NodeSeed, index), static k => PrivateKey.FromSeed(k.Item1, k.Item2));

    public static ISigner Signer(this PrivateKey key) => new InMemorySigner(key);
}
