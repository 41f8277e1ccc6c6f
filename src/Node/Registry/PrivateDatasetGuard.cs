using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;

namespace DaiChain.Node.Registry;

/// <summary>
/// Tells whether the committed registry state names a hash as a <see cref="DatasetVisibility.Private"/> dataset. The
/// node never stores or serves such bytes (compute-to-data): each validator's operator provisions them for the
/// evaluation gate, which reads them only from its own <c>evaluation/datasets</c> folder.
/// </summary>
/// <remarks>
/// Asked at request time against the head state, so a registration that commits after the bytes were uploaded still
/// stops them being served from then on.
/// </remarks>
public sealed class PrivateDatasetGuard(IRegistryStateSource state)
{
    /// <summary>The stable reason code of a refusal.</summary>
    public const string Code = "private_dataset";

    public bool IsPrivate(Hash256 hash) =>
        RegistryState.GetDataset(state.Latest().State, hash) is { Visibility: DatasetVisibility.Private };

    /// <summary>Why the node refuses <paramref name="hash"/>, for error bodies and logs.</summary>
    public static string Refusal(Hash256 hash) =>
        $"0x{hash} is registered as a private dataset: private benchmark data is provisioned by each validator's operator, never stored or served by the node";
}
