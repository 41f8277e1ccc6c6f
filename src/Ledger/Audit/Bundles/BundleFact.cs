using System.Text;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;

namespace DaiChain.Ledger.Audit.Bundles;

/// <summary>
/// One fact of a bundle: the state key <c>SHA-256(space ‖ "/" ‖ id)</c> holds <see cref="Value"/> (or nothing, when
/// null) after the proven block, with the Merkle proof against that block's state root.
/// </summary>
/// <remarks>
/// Encoding: space <c>string&lt;64&gt;</c> (ASCII, no <c>/</c>, non-empty), id <c>bytes&lt;1024&gt;</c>, present
/// <c>bool</c>, value <c>bytes&lt;1 MiB&gt;</c> (only when present), state proof. The key hash is always derived from
/// space and id, never carried, so a fact cannot claim one key and prove another. A fact carries no label: what it
/// means follows from its space (the module that owns it), so that every byte of a bundle is checked.
/// </remarks>
public sealed record BundleFact(string Space, byte[] Id, byte[]? Value, StateProof Proof) : ICanonicalEncodable<BundleFact>
{
    public Hash256 KeyHash => StateKeys.For(Space, Id);

    public bool IsPresent => Value is not null;

    /// <summary><c>space/0x..id</c>, for messages.</summary>
    public override string ToString() => $"{Space}/0x{Hex.Encode(Id)}";

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteString(Space, BundleLimits.MaxSpaceBytes);
        writer.WriteBytes(Id, BundleLimits.MaxIdBytes);
        writer.WriteBool(Value is not null);
        if (Value is not null)
        {
            writer.WriteBytes(Value, BundleLimits.MaxValueBytes);
        }

        Proof.Encode(ref writer);
    }

    public static BundleFact Decode(ref CanonicalReader reader)
    {
        var spaceAt = reader.Position;
        var space = reader.ReadString("fact.space", BundleLimits.MaxSpaceBytes);
        if (!IsValidSpace(space))
        {
            throw new CodecException("fact.space", spaceAt, "a state space is non-empty ASCII without '/'");
        }

        var id = reader.ReadBytes("fact.id", BundleLimits.MaxIdBytes);
        var value = reader.ReadBool("fact.present") ? reader.ReadBytes("fact.value", BundleLimits.MaxValueBytes) : null;
        return new BundleFact(space, id, value, StateProof.Decode(ref reader));
    }

    public static bool IsValidSpace(string space) => space.Length > 0 && !space.Contains('/', StringComparison.Ordinal) && Ascii.IsValid(space);
}
