using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Network;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Genesis;

/// <summary>
/// The rules a genesis document must meet, each broken rule reported as one sentence that names the field
/// (<c>validators[2].power</c>) so an operator can fix the file without reading code.
/// </summary>
public static class GenesisValidation
{
    public static IReadOnlyList<string> FindProblems(GenesisDocument genesis, ChainRules rules)
    {
        var problems = new List<string>();
        if (!SignBytes.IsValidChainId(genesis.ChainId))
        {
            problems.Add($"chain_id '{genesis.ChainId}' must be 1-{ChainLimits.MaxChainIdBytes} characters of [A-Za-z0-9._-]");
        }

        if (genesis.InsecureKeysNote is { } note && System.Text.Encoding.UTF8.GetByteCount(note) > GenesisDocument.MaxInsecureNoteBytes)
        {
            problems.Add($"insecure_keys is longer than {GenesisDocument.MaxInsecureNoteBytes} bytes");
        }

        problems.AddRange(genesis.Consensus.FindProblems());
        CheckValidators(genesis, problems);
        CheckNodes(genesis, problems);
        CheckAccounts(genesis, rules, problems);
        foreach (var (name, value) in genesis.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var problem = rules.Parameters.ProblemWith(name, value);
            if (problem is not null)
            {
                problems.Add($"parameters.{name}: {problem}");
            }
        }

        return problems;
    }

    private static void CheckValidators(GenesisDocument genesis, List<string> problems)
    {
        if (genesis.Validators.Count == 0)
        {
            problems.Add("validators is empty: a chain needs at least one validator");
        }

        if (genesis.Validators.Count > ChainLimits.MaxValidators)
        {
            problems.Add($"validators lists {genesis.Validators.Count}; at most {ChainLimits.MaxValidators} are allowed");
        }

        var addresses = new Dictionary<Address, int>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        UInt128 total = 0;
        for (var i = 0; i < genesis.Validators.Count; i++)
        {
            var v = genesis.Validators[i];
            CheckName(problems, $"validators[{i}].name", v.Name);
            if (!names.TryAdd(v.Name, i))
            {
                problems.Add($"validators[{i}].name '{v.Name}' is already used by validators[{names[v.Name]}]");
            }

            if (!addresses.TryAdd(v.PublicKey.Address, i))
            {
                problems.Add($"validators[{i}].public_key is the same validator as validators[{addresses[v.PublicKey.Address]}] (address {v.PublicKey.Address})");
            }

            if (v.Power == 0)
            {
                problems.Add($"validators[{i}].power is 0; a genesis validator needs power of at least 1");
            }

            total += v.Power;
        }

        if (total > ChainLimits.MaxTotalVotingPower)
        {
            problems.Add($"validators' total power {total} exceeds the limit of 2^60 ({ChainLimits.MaxTotalVotingPower})");
        }
    }

    private static void CheckNodes(GenesisDocument genesis, List<string> problems)
    {
        if (genesis.Nodes.Count > NetworkNodeState.MaxNodes)
        {
            problems.Add($"nodes lists {genesis.Nodes.Count}; at most {NetworkNodeState.MaxNodes} are allowed");
        }

        var ids = new Dictionary<Address, int>();
        for (var i = 0; i < genesis.Nodes.Count; i++)
        {
            var node = genesis.Nodes[i];
            CheckName(problems, $"nodes[{i}].name", node.Name);
            if (!Enum.IsDefined(node.Role))
            {
                problems.Add($"nodes[{i}].role is not 'validator' or 'observer'");
            }

            if (!ids.TryAdd(node.NodePublicKey.Address, i))
            {
                problems.Add($"nodes[{i}].node_public_key is the same node as nodes[{ids[node.NodePublicKey.Address]}]");
            }
        }
    }

    private static void CheckAccounts(GenesisDocument genesis, ChainRules rules, List<string> problems)
    {
        if (genesis.Accounts.Count > GenesisDocument.MaxAccounts)
        {
            problems.Add($"accounts lists {genesis.Accounts.Count}; at most {GenesisDocument.MaxAccounts} are allowed");
        }

        var seen = new Dictionary<Address, int>();
        UInt128 supply = 0;
        for (var i = 0; i < genesis.Accounts.Count; i++)
        {
            var account = genesis.Accounts[i];
            if (!seen.TryAdd(account.Address, i))
            {
                problems.Add($"accounts[{i}].address {account.Address} is already listed at accounts[{seen[account.Address]}]");
            }

            supply += account.Balance;
            if (account.Roles.Count > Accounts.Account.MaxRoles)
            {
                problems.Add($"accounts[{i}].roles lists {account.Roles.Count}; an account holds at most {Accounts.Account.MaxRoles}");
            }

            foreach (var role in account.Roles)
            {
                if (!rules.Roles.IsKnown(role))
                {
                    problems.Add($"accounts[{i}].roles: unknown role '{role}'; known roles: {string.Join(", ", rules.Roles.Names)}");
                }
            }

            if (account.Roles.Distinct(StringComparer.Ordinal).Count() != account.Roles.Count)
            {
                problems.Add($"accounts[{i}].roles lists a role twice");
            }
        }

        if (supply > ulong.MaxValue)
        {
            problems.Add($"accounts' balances add up to {supply}, more than the largest supply ({ulong.MaxValue})");
        }
    }

    private static void CheckName(List<string> problems, string field, string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add($"{field} is empty");
        }
        else if (System.Text.Encoding.UTF8.GetByteCount(name) > ChainLimits.MaxNameBytes)
        {
            problems.Add($"{field} is longer than {ChainLimits.MaxNameBytes} bytes");
        }
    }
}
