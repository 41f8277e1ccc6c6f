using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace DaiChain.Node.Rpc;

/// <summary>
/// The methods a server dispatches to. The composition root adds each subsystem's methods before or after
/// the server starts; lookups never take a lock.
/// </summary>
/// <remarks>
/// <c>rpc.*</c>, <c>subscribe</c> and <c>unsubscribe</c> belong to the server itself and cannot be added.
/// Copy on write: an add publishes a new frozen dictionary, so a dispatch sees all or none of it.
/// </remarks>
public sealed class RpcMethodRegistry
{
    private readonly Lock _gate = new();
    private volatile FrozenDictionary<string, RpcMethod> _methods = FrozenDictionary<string, RpcMethod>.Empty;

    /// <summary>Adds <paramref name="method"/>.</summary>
    /// <exception cref="ArgumentException">A method with that name is already registered.</exception>
    public void Add(RpcMethod method)
    {
        lock (_gate)
        {
            if (_methods.ContainsKey(method.Name))
            {
                throw new ArgumentException($"RPC method {method.Name} is already registered", nameof(method));
            }

            var next = new Dictionary<string, RpcMethod>(_methods, StringComparer.Ordinal) { [method.Name] = method };
            _methods = next.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }

    public bool TryGet(string name, [NotNullWhen(true)] out RpcMethod? method) => _methods.TryGetValue(name, out method);

    /// <summary>Every registered method, sorted by name.</summary>
    public IReadOnlyList<RpcMethod> Methods => [.. _methods.Values.OrderBy(m => m.Name, StringComparer.Ordinal)];

    /// <summary>Changes whenever a method is added; the server rebuilds its cached OpenRPC document on change.</summary>
    internal object Version => _methods;
}
