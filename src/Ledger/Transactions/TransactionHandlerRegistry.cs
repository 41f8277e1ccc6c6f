namespace DaiChain.Ledger.Transactions;

/// <summary>Handlers by kind id. Filled at composition, then frozen; lookups are thread-safe after that.</summary>
public sealed class TransactionHandlerRegistry
{
    private readonly Dictionary<ushort, ITransactionHandler> _byKind = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private bool _frozen;

    public IEnumerable<ITransactionHandler> Handlers => _byKind.Values.OrderBy(h => h.Kind);

    /// <exception cref="ArgumentException">The kind or name is taken.</exception>
    public void Register(ITransactionHandler handler)
    {
        if (_frozen)
        {
            throw new InvalidOperationException("handlers are registered before the registry is frozen");
        }

        if (_byKind.TryGetValue(handler.Kind, out var existing))
        {
            throw new ArgumentException($"transaction kind {handler.Kind} is taken by '{existing.Name}'", nameof(handler));
        }

        if (!_names.Add(handler.Name))
        {
            throw new ArgumentException($"a handler named '{handler.Name}' is already registered", nameof(handler));
        }

        _byKind.Add(handler.Kind, handler);
    }

    public void Freeze() => _frozen = true;

    public ITransactionHandler? Find(ushort kind) => _byKind.TryGetValue(kind, out var handler) ? handler : null;
}
