namespace DaiChain.Ledger.Accounts;

/// <summary>
/// The roles accounts can hold. Ledger registers its own; other projects register theirs at composition, so
/// genesis validation and governance reject unknown roles. Frozen before the node starts executing.
/// </summary>
public sealed class RoleRegistry
{
    public const int MaxRoleNameBytes = 32;

    /// <summary>May submit governance proposals without being a validator.</summary>
    public const string Governor = "governor";

    private readonly SortedDictionary<string, string> _roles = new(StringComparer.Ordinal);
    private bool _frozen;

    public RoleRegistry()
    {
        Register(Governor, "may submit governance proposals without being a validator");
    }

    public IReadOnlyCollection<string> Names => _roles.Keys;

    /// <summary>Registers a role: lower-case ASCII letters, digits and '_', starting with a letter, at most 32 characters.</summary>
    public void Register(string name, string description)
    {
        if (_frozen)
        {
            throw new InvalidOperationException("roles are registered before the registry is frozen");
        }

        if (!IsValidName(name))
        {
            throw new ArgumentException($"role name '{name}' must be 1-{MaxRoleNameBytes} characters of [a-z0-9_] starting with a letter", nameof(name));
        }

        if (!_roles.TryAdd(name, description))
        {
            throw new ArgumentException($"role '{name}' is already registered", nameof(name));
        }
    }

    public void Freeze() => _frozen = true;

    public bool IsKnown(string name) => _roles.ContainsKey(name);

    public string? Describe(string name) => _roles.TryGetValue(name, out var d) ? d : null;

    public static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxRoleNameBytes || !char.IsAsciiLetterLower(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
