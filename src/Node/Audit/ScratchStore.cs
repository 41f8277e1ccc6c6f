using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Storage;

namespace DaiChain.Node.Audit;

/// <summary>
/// The auditor's own chain database for re-execution, in a fresh directory that is deleted afterwards. No write-ahead
/// log and no syncs: if the process dies, the replay is simply redone.
/// </summary>
internal sealed class ScratchStore : IDisposable
{
    private readonly string _directory;

    public ScratchStore(string? parent)
    {
        var root = parent is null ? System.IO.Path.GetTempPath() : System.IO.Path.GetFullPath(parent);
        _directory = System.IO.Path.Combine(root, $"daichain-audit-{Guid.NewGuid():N}");
        Store = RocksDbStore.Open(new RocksDbOptions
        {
            Path = _directory,
            ColumnFamilies = ChainColumns.All,
            WalEnabled = false,
            SyncWritesByDefault = false,
            BlockCacheBytes = 128L * 1024 * 1024,
        });
    }

    public RocksDbStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover scratch directory in the temp folder is not worth failing an audit over.
        }
    }
}
