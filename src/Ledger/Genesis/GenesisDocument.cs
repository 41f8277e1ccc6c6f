using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Genesis;

/// <summary>
/// The genesis of a chain: its id, start time, consensus parameters, first validators, admitted network
/// nodes, funded accounts with roles, and chain parameters. Read from and written to <c>genesis.json</c>
/// (<see cref="GenesisJson"/>); every node of a chain must start from the same document, which
/// <see cref="Hash"/> identifies.
/// </summary>
/// <remarks>
/// <see cref="Hash"/> is SHA-256 of the canonical binary encoding: version <c>u8 = 1</c>, chain id, genesis time
/// <c>i64</c>, insecure note <c>string&lt;256&gt;</c>, the ten consensus parameters as <c>varuint</c>s in the
/// order of <see cref="ConsensusParams"/>, validators (name, key, power), nodes (name, key, role), accounts
/// (address, balance, roles), parameters (name, value) — each list in the order given. The JSON text itself is
/// not hashed, so whitespace and key order do not matter.
/// </remarks>
public sealed record GenesisDocument
{
    public const int MaxInsecureNoteBytes = 256;
    public const int MaxAccounts = 100_000;
    private const byte Version1 = 1;

    public required string ChainId { get; init; }

    /// <summary>Unix milliseconds; the first block's time must not be earlier.</summary>
    public required long GenesisTimeMs { get; init; }

    /// <summary>
    /// Set when the keys of this genesis are not secret (derived from a public seed, as in the devnet); nodes
    /// warn loudly at startup. Null for a real network.
    /// </summary>
    public string? InsecureKeysNote { get; init; }

    public ConsensusParams Consensus { get; init; } = ConsensusParams.Default;

    public required IReadOnlyList<GenesisValidator> Validators { get; init; }

    public IReadOnlyList<GenesisNode> Nodes { get; init; } = [];

    public IReadOnlyList<GenesisAccount> Accounts { get; init; } = [];

    /// <summary>Parameter values that differ from the defaults, by name.</summary>
    public IReadOnlyDictionary<string, ulong> Parameters { get; init; } = new SortedDictionary<string, ulong>(StringComparer.Ordinal);

    public Hash256 Hash()
    {
        var writer = new CanonicalWriter(4096);
        try
        {
            writer.WriteByte(Version1);
            writer.WriteString(ChainId, ChainLimits.MaxChainIdBytes);
            writer.WriteInt64(GenesisTimeMs);
            writer.WriteString(InsecureKeysNote ?? string.Empty, MaxInsecureNoteBytes);
            var c = Consensus;
            foreach (var value in new[] { c.MaxBlockBytes, c.MaxBlockTransactions, c.MaxBlockEvidence, c.ProposeTimeoutMs, c.ProposeTimeoutDeltaMs, c.PrevoteTimeoutMs, c.PrevoteTimeoutDeltaMs, c.PrecommitTimeoutMs, c.PrecommitTimeoutDeltaMs, c.CommitTimeoutMs })
            {
                writer.WriteVarUInt((ulong)value);
            }

            writer.WriteList(Validators, ChainLimits.MaxValidators, static (ref CanonicalWriter w, GenesisValidator v) =>
            {
                w.WriteString(v.Name, ChainLimits.MaxNameBytes);
                v.PublicKey.Encode(ref w);
                w.WriteVarUInt(v.Power);
            });
            writer.WriteList(Nodes, Network.NetworkNodeState.MaxNodes, static (ref CanonicalWriter w, GenesisNode n) =>
            {
                w.WriteString(n.Name, ChainLimits.MaxNameBytes);
                n.NodePublicKey.Encode(ref w);
                w.WriteByte((byte)n.Role);
            });
            writer.WriteList(Accounts, MaxAccounts, static (ref CanonicalWriter w, GenesisAccount a) =>
            {
                w.WriteAddress(a.Address);
                w.WriteVarUInt(a.Balance);
                w.WriteList(a.Roles, DaiChain.Ledger.Accounts.Account.MaxRoles, static (ref CanonicalWriter w2, string r) => w2.WriteString(r, DaiChain.Ledger.Accounts.RoleRegistry.MaxRoleNameBytes));
            });
            var parameters = Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            writer.WriteList(parameters, 1024, static (ref CanonicalWriter w, KeyValuePair<string, ulong> p) =>
            {
                w.WriteString(p.Key, DaiChain.Ledger.Parameters.ParameterRegistry.MaxNameBytes);
                w.WriteVarUInt(p.Value);
            });
            return Hash256.Compute(writer.WrittenSpan);
        }
        finally
        {
            writer.Dispose();
        }
    }
}
