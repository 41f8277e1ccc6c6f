using DaiChain.Ledger.Crypto;
using DaiChain.Node.Configuration;
using DaiChain.Node.Keys;

namespace DaiChain.Node.Hosting;

/// <summary>The keys a running node holds: its P2P node key and, for a validator, its consensus key.</summary>
public sealed class NodeKeys : IDisposable
{
    private NodeKeys(PrivateKey nodeKey, PrivateKey? validatorKey)
    {
        NodeKey = nodeKey;
        ValidatorKey = validatorKey;
    }

    public PrivateKey NodeKey { get; }

    public PrivateKey? ValidatorKey { get; }

    /// <summary>Decrypts the key files named by the config with the password in its environment variable.</summary>
    /// <exception cref="NodeStartException">The password variable is unset, a file is missing, or the password is wrong.</exception>
    public static NodeKeys Load(NodeHome home, NodeConfig config, NodeMode mode, Func<string, string?> environment)
    {
        var variable = config.Keys.PasswordEnv;
        var password = environment(variable);
        if (string.IsNullOrEmpty(password))
        {
            throw new NodeStartException($"environment variable {variable} (keys.password_env) must hold the password of the node's key files");
        }

        var nodeKey = Load(home.Resolve(config.Keys.NodeKeyFile), password, "keys.node_key_file");
        PrivateKey? validatorKey = null;
        if (mode == NodeMode.Validator)
        {
            if (config.Keys.ValidatorKeyFile is not { Length: > 0 } validatorFile)
            {
                nodeKey.Dispose();
                throw new NodeStartException("validator mode needs keys.validator_key_file; run with --mode full or audit, or add the validator's key with 'daichain init --key FILE'");
            }

            try
            {
                validatorKey = Load(home.Resolve(validatorFile), password, "keys.validator_key_file");
            }
            catch
            {
                nodeKey.Dispose();
                throw;
            }
        }

        return new NodeKeys(nodeKey, validatorKey);
    }

    public void Dispose()
    {
        NodeKey.Dispose();
        ValidatorKey?.Dispose();
    }

    private static PrivateKey Load(string path, string password, string setting)
    {
        try
        {
            return KeyStore.Load(path, password);
        }
        catch (KeyStoreException e)
        {
            throw new NodeStartException($"{setting} {path}: {e.Message}", e);
        }
    }
}
