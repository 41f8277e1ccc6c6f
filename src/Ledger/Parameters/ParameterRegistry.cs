namespace DaiChain.Ledger.Parameters;

/// <summary>
/// The parameters the chain knows, with their ranges. Ledger registers its own (<see cref="LedgerParameters"/>);
/// other projects register theirs at composition. Names are <c>module.name</c> in lower case.
/// </summary>
public sealed class ParameterRegistry
{
    public const int MaxNameBytes = 64;

    private readonly SortedDictionary<string, ParameterDefinition> _definitions = new(StringComparer.Ordinal);
    private bool _frozen;

    public ParameterRegistry()
    {
        LedgerParameters.RegisterAll(this);
    }

    public IEnumerable<ParameterDefinition> Definitions => _definitions.Values;

    public void Register(ParameterDefinition definition)
    {
        if (_frozen)
        {
            throw new InvalidOperationException("parameters are registered before the registry is frozen");
        }

        if (!IsValidName(definition.Name))
        {
            throw new ArgumentException($"parameter name '{definition.Name}' must be 'module.name' in [a-z0-9_.], at most {MaxNameBytes} characters", nameof(definition));
        }

        if (definition.Min > definition.Max || !definition.Allows(definition.Default))
        {
            throw new ArgumentException($"parameter '{definition.Name}' has a default outside its range", nameof(definition));
        }

        if (!_definitions.TryAdd(definition.Name, definition))
        {
            throw new ArgumentException($"parameter '{definition.Name}' is already registered", nameof(definition));
        }
    }

    public void Freeze() => _frozen = true;

    public ParameterDefinition? Find(string name) => _definitions.TryGetValue(name, out var d) ? d : null;

    /// <summary>Why <paramref name="value"/> cannot be set for <paramref name="name"/>, or null when it can.</summary>
    public string? ProblemWith(string name, ulong value)
    {
        if (Find(name) is not { } definition)
        {
            return $"'{name}' is not a known parameter";
        }

        return definition.Allows(value) ? null : $"{name} must be between {definition.Min} and {definition.Max}, got {value}";
    }

    private static bool IsValidName(string name) =>
        name.Length is > 2 and <= MaxNameBytes
        && name.Contains('.', StringComparison.Ordinal)
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '.');
}
