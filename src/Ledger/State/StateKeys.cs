using System.Text;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.State;

/// <summary>
/// Builds tree keys: <c>SHA-256(space || '/' || id)</c> where <c>space</c> is an ASCII name without '/'.
/// Every module owns its spaces (Ledger: <c>acct</c>, <c>param</c>, <c>staking</c>, <c>gov</c>, <c>node</c>,
/// <c>evidence</c>; ModelRegistry its own), so keys of different modules never collide.
/// </summary>
public static class StateKeys
{
    public static Hash256 For(string space, ReadOnlySpan<byte> id)
    {
        if (space.Length == 0 || space.Contains('/', StringComparison.Ordinal) || !Ascii.IsValid(space))
        {
            throw new ArgumentException($"state key space '{space}' must be non-empty ASCII without '/'", nameof(space));
        }

        var length = space.Length + 1 + id.Length;
        var bytes = length <= 256 ? stackalloc byte[length] : new byte[length];
        System.Text.Encoding.ASCII.GetBytes(space, bytes);
        bytes[space.Length] = (byte)'/';
        id.CopyTo(bytes[(space.Length + 1)..]);
        return StateHashing.KeyHash(bytes);
    }

    public static Hash256 For(string space, string id) => For(space, System.Text.Encoding.UTF8.GetBytes(id));

    public static Hash256 For(string space, Address id)
    {
        Span<byte> bytes = stackalloc byte[Address.Size];
        id.CopyTo(bytes);
        return For(space, bytes);
    }

    public static Hash256 For(string space, ulong id)
    {
        Span<byte> bytes = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, id);
        return For(space, bytes);
    }
}
