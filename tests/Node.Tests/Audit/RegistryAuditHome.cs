using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Storage;
using DaiChain.RegistryTestKit;
using DaiChain.TestKit;
using DaiChain.TestKit.Audit;

namespace DaiChain.Node.Tests.Audit;

/// <summary>
/// A node home whose RocksDB chain holds the registry's provenance story (<see cref="ProvenanceScenario"/>) plus a
/// version 2.0.0 with a real artifact file, derived from 1.1.0: what a regulator proves, checks and exports.
/// </summary>
public sealed class RegistryAuditHome : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public RegistryAuditHome()
    {
        Root = _directory.Path;
        ArtifactBytes = System.Text.Encoding.UTF8.GetBytes("an ONNX model would be here; the chain only holds its hash");
        File.WriteAllBytes(ArtifactPath, ArtifactBytes);
        using (var store = RocksDbStore.Open(new RocksDbOptions { Path = Path.Combine(Root, "data", "chain"), ColumnFamilies = AuditChain.Columns, SyncWritesByDefault = false, BlockCacheBytes = 8 << 20 }))
        {
            var chain = new RegistryChain(store: store);
            Scenario = ProvenanceScenario.Build(chain);
            V3 = Samples.VersionId(Scenario.Model, "2.0.0");
            chain.Commit(chain.Tx(Actors.Alice, Samples.Version(Scenario.Model, "2.0.0", Scenario.V2) with
            {
                ArtifactHash = Hash256.Compute(ArtifactBytes),
                ArtifactSize = (ulong)ArtifactBytes.Length,
                Datasets = [Scenario.Dataset],
                Contributions = Scenario.Contributions,
            }));
            chain.Chain.AdvanceTo(chain.Height + 1);
            var batch = new WriteBatch();
            batch.Put(AuditChain.CertificateColumn, AuditChain.HeightKey(chain.Height), Canonical.Encode(chain.Chain.LastCommit!));
            store.Write(batch, sync: true);
            store.Flush();
            Height = chain.Height;
            File.WriteAllText(GenesisPath, GenesisJson.Write(chain.Chain.Genesis));
        }
    }

    public string Root { get; }

    public ProvenanceScenario Scenario { get; }

    /// <summary>Version 2.0.0: parent 1.1.0, the dataset, both contributions, a real artifact.</summary>
    public Hash256 V3 { get; }

    public byte[] ArtifactBytes { get; }

    public string ArtifactPath => Path.Combine(Root, "model.onnx");

    public string GenesisPath => Path.Combine(Root, "genesis.json");

    public ulong Height { get; }

    public string Combine(string name) => _directory.Combine(name);

    public void Dispose() => _directory.Dispose();
}
