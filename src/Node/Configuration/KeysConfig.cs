namespace DaiChain.Node.Configuration;

/// <summary>The <c>keys</c> section: where the node's keys are and where their password comes from.</summary>
public sealed class KeysConfig
{
    /// <summary>The validator's consensus key file (signs proposals and votes); relative paths are under the home. Validators only.</summary>
    public string? ValidatorKeyFile { get; set; } = "keys/validator.key";

    /// <summary>The node's P2P key file (proves the node's identity in the handshake); must be in the chain's node registry.</summary>
    public string NodeKeyFile { get; set; } = "keys/node.key";

    /// <summary>The environment variable that holds the key files' password.</summary>
    public string PasswordEnv { get; set; } = "DAICHAIN_PASSWORD";
}
