namespace DaiChain.Ledger.Execution;

/// <summary>End-of-block steps in registration order. Filled at composition, then frozen.</summary>
public sealed class EndBlockHandlerRegistry
{
    private readonly List<IEndBlockHandler> _handlers = [];
    private bool _frozen;

    /// <summary>The handlers in the order they run.</summary>
    public IReadOnlyList<IEndBlockHandler> Handlers => _handlers;

    /// <exception cref="ArgumentException">A handler with this name is registered.</exception>
    public void Register(IEndBlockHandler handler)
    {
        if (_frozen)
        {
            throw new InvalidOperationException("end-block handlers are registered before the registry is frozen");
        }

        if (_handlers.Any(h => string.Equals(h.Name, handler.Name, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"an end-block handler named '{handler.Name}' is already registered", nameof(handler));
        }

        _handlers.Add(handler);
    }

    public void Freeze() => _frozen = true;
}
