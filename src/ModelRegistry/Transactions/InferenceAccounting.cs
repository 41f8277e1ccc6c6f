using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>Records a batch and counts its receipts in the version's usage and the current reward epoch.</summary>
internal static class InferenceAccounting
{
    public static InferenceBatchRecord Record(IStateAccess state, Hash256 batchId, VersionRecord version, Address provider, ulong count, Hash256 root, Hash256 artifact, ulong height, Inference.InferenceReceipt? receipt)
    {
        var epoch = RegistryState.GetEpoch(state);
        var batch = new InferenceBatchRecord
        {
            Id = batchId,
            VersionId = version.Id,
            Provider = provider,
            ReceiptCount = count,
            ReceiptsRoot = root,
            ReceiptsArtifact = artifact,
            Height = height,
            Epoch = epoch.Epoch,
            Receipt = receipt,
        };
        RegistryState.Put(state, RegistryState.BatchKey(batchId), batch);
        RegistryState.AppendId(state, RegistrySpaces.VersionBatches, version.Id.ToArray(), batchId);

        var usage = RegistryState.GetUsage(state, version.Id);
        RegistryState.Put(state, RegistryState.UsageKey(version.Id), new VersionUsage(usage.Batches + 1, usage.Receipts + count, height));

        // Rewards weight the versions served this epoch: the first MaxServedVersionsPerEpoch distinct ones.
        var served = RegistryState.GetEpochUsage(state, epoch.Epoch, version.Id);
        var counted = served > 0;
        if (!counted && epoch.ServedVersions < (ulong)RegistryLimits.MaxServedVersionsPerEpoch)
        {
            RegistryState.AppendId(state, RegistrySpaces.EpochServed, EpochOwner(epoch.Epoch), version.Id);
            epoch = epoch with { ServedVersions = epoch.ServedVersions + 1 };
            counted = true;
        }

        if (counted)
        {
            RegistryState.PutEpochUsage(state, epoch.Epoch, version.Id, served + count);
        }

        RegistryState.Put(state, RegistryState.EpochKey(), epoch with { Receipts = epoch.Receipts + count });
        return batch;
    }

    public static byte[] EpochOwner(ulong epoch)
    {
        var owner = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(owner, epoch);
        return owner;
    }
}
