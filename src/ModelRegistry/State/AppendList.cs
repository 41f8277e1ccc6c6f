using System.Buffers.Binary;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;

namespace DaiChain.ModelRegistry.State;

/// <summary>
/// An append-only list in state, one key per item: the count under <c>space/owner</c> (a <c>varuint</c>) and item
/// i under <c>space/owner ‖ u64(i)</c>. Appending writes two keys whatever the length, every item is provable on
/// its own, and a page is a range of indexes, so lists of any length cost the same to grow and to read.
/// </summary>
/// <remarks>Within one space every owner has the same length (an address, a hash, a u64 or nothing), so a count key never equals an item key.</remarks>
public static class AppendList
{
    public static Hash256 CountKey(string space, ReadOnlySpan<byte> owner) => StateKeys.For(space, owner);

    public static Hash256 ItemKey(string space, ReadOnlySpan<byte> owner, ulong index)
    {
        Span<byte> id = stackalloc byte[owner.Length + 8];
        owner.CopyTo(id);
        BinaryPrimitives.WriteUInt64BigEndian(id[owner.Length..], index);
        return StateKeys.For(space, id);
    }

    public static ulong Count(IStateReader state, string space, ReadOnlySpan<byte> owner)
    {
        var bytes = state.Get(CountKey(space, owner));
        if (bytes is null)
        {
            return 0;
        }

        var reader = new CanonicalReader(bytes);
        var count = reader.ReadVarUInt("list.count");
        reader.EnsureEnd("list.count");
        return count;
    }

    /// <summary>Appends <paramref name="item"/> and returns its index.</summary>
    public static ulong Append(IStateAccess state, string space, ReadOnlySpan<byte> owner, byte[] item)
    {
        var index = Count(state, space, owner);
        state.Set(ItemKey(space, owner, index), item);
        SetCount(state, space, owner, index + 1);
        return index;
    }

    public static byte[]? Get(IStateReader state, string space, ReadOnlySpan<byte> owner, ulong index) =>
        state.Get(ItemKey(space, owner, index));

    /// <summary>Deletes every item and the count.</summary>
    public static void Clear(IStateAccess state, string space, ReadOnlySpan<byte> owner)
    {
        var count = Count(state, space, owner);
        for (var i = 0UL; i < count; i++)
        {
            state.Delete(ItemKey(space, owner, i));
        }

        state.Delete(CountKey(space, owner));
    }

    private static void SetCount(IStateAccess state, string space, ReadOnlySpan<byte> owner, ulong count)
    {
        var writer = new CanonicalWriter(stackalloc byte[10]);
        writer.WriteVarUInt(count);
        state.Set(CountKey(space, owner), writer.ToArray());
    }
}
