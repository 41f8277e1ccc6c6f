using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Network;
using DaiChain.Ledger.Primitives;

namespace DaiChain.TestKit;

/// <summary>
/// A genesis for tests: by default chain <c>daichain-test</c>, 4 validators of power 10 (<see cref="Keys.Validator"/>),
/// accounts 0-3 funded with 1,000,000 tokens each, and a validator node (<see cref="Keys.Node"/> i) for each validator.
/// </summary>
public sealed class GenesisBuilder
{
    public const string DefaultChainId = "daichain-test";
    public const long DefaultGenesisTimeMs = 1_767_225_600_000;

    private readonly List<GenesisValidator> _validators = [];
    private readonly List<GenesisAccount> _accounts = [];
    private readonly List<GenesisNode> _nodes = [];
    private readonly SortedDictionary<string, ulong> _parameters = new(StringComparer.Ordinal);
    private string _chainId = DefaultChainId;
    private ConsensusParams _consensus = ConsensusParams.Default;
    private bool _defaults = true;

    public GenesisBuilder WithChainId(string chainId)
    {
        _chainId = chainId;
        return this;
    }

    /// <summary>Replaces the default validators with validators 0..count-1 of power <paramref name="power"/>.</summary>
    public GenesisBuilder WithValidators(int count, ulong power = 10)
    {
        _validators.Clear();
        for (var i = 0; i < count; i++)
        {
            _validators.Add(new GenesisValidator($"validator-{i}", Keys.Validator(i).PublicKey, power));
        }

        return this;
    }

    public GenesisBuilder WithValidator(PrivateKey key, ulong power, string? name = null)
    {
        _validators.Add(new GenesisValidator(name ?? $"validator-{_validators.Count}", key.PublicKey, power));
        return this;
    }

    public GenesisBuilder WithAccount(Address address, ulong balance, params string[] roles)
    {
        _accounts.Add(new GenesisAccount(address, balance, roles));
        return this;
    }

    public GenesisBuilder WithNode(PrivateKey nodeKey, NodeRole role, string? name = null)
    {
        _nodes.Add(new GenesisNode(name ?? $"node-{_nodes.Count}", nodeKey.PublicKey, role));
        return this;
    }

    public GenesisBuilder WithParameter(string name, ulong value)
    {
        _parameters[name] = value;
        return this;
    }

    public GenesisBuilder WithConsensus(ConsensusParams consensus)
    {
        _consensus = consensus;
        return this;
    }

    /// <summary>No default accounts or nodes: only what is added explicitly.</summary>
    public GenesisBuilder Bare()
    {
        _defaults = false;
        return this;
    }

    public GenesisDocument Build()
    {
        if (_validators.Count == 0)
        {
            WithValidators(4);
        }

        var accounts = new List<GenesisAccount>(_accounts);
        var nodes = new List<GenesisNode>(_nodes);
        if (_defaults)
        {
            for (var i = 0; i < 4; i++)
            {
                if (accounts.All(a => a.Address != Keys.Account(i).Address))
                {
                    accounts.Add(new GenesisAccount(Keys.Account(i).Address, 1_000_000, []));
                }
            }

            for (var i = 0; i < _validators.Count; i++)
            {
                if (nodes.All(n => n.NodePublicKey != Keys.Node(i).PublicKey))
                {
                    nodes.Add(new GenesisNode($"validator-node-{i}", Keys.Node(i).PublicKey, NodeRole.Validator));
                }
            }
        }

        return new GenesisDocument
        {
            ChainId = _chainId,
            GenesisTimeMs = DefaultGenesisTimeMs,
            Consensus = _consensus,
            Validators = [.. _validators],
            Nodes = nodes,
            Accounts = accounts,
            Parameters = new SortedDictionary<string, ulong>(_parameters, StringComparer.Ordinal),
        };
    }
}
