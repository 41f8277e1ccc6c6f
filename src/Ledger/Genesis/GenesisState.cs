using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Network;
using DaiChain.Ledger.Parameters;
using DaiChain.Ledger.Staking;
using DaiChain.Ledger.State;

namespace DaiChain.Ledger.Genesis;

/// <summary>
/// The state before the first block (version 0): accounts, validator records (genesis power is granted
/// power), admitted nodes and parameters; and the validator set of heights 1 and 2.
/// </summary>
public static class GenesisState
{
    /// <summary>Builds the genesis writes over an empty state. The document must be valid.</summary>
    public static (StateOverlay State, ValidatorSet Validators) Build(GenesisDocument genesis, ChainRules rules)
    {
        var problems = GenesisValidation.FindProblems(genesis, rules);
        if (problems.Count > 0)
        {
            throw new GenesisException("genesis", problems);
        }

        var state = new StateOverlay(EmptyStateReader.Instance);
        foreach (var (name, value) in genesis.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            ParameterState.Set(state, rules.Parameters, name, value);
        }

        foreach (var account in genesis.Accounts)
        {
            AccountState.Put(state, account.Address, new Account { Balance = account.Balance, Roles = account.Roles });
        }

        foreach (var validator in genesis.Validators)
        {
            StakingState.PutRecord(state, new ValidatorRecord { PublicKey = validator.PublicKey, Name = validator.Name, Granted = validator.Power });
        }

        foreach (var node in genesis.Nodes)
        {
            NetworkNodeState.Add(state, new NetworkNode(node.NodePublicKey, node.Name, node.Role));
        }

        var maxValidators = (int)ParameterState.Get(state, rules.Parameters, LedgerParameters.MaxValidators);
        var validators = StakingState.ComputeActiveSet(state, maxValidators);
        Invariant.Check(validators is not null, "a valid genesis has a validator with power");
        return (state, validators!);
    }
}
