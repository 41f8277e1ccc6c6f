using DaiChain.Ledger.Audit;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Storage;
using DaiChain.Node.Chain;
using DaiChain.Node.Configuration;
using DaiChain.Node.Hosting;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Audit;

/// <summary>
/// Makes an audit node (<c>daichain run --mode audit</c>) verify what it syncs: a <see cref="ContinuousAuditor"/>
/// re-executes every block from genesis on its own replay of the state (<c>DATA/audit-replay</c>, resumed across
/// restarts), woken by each commit, and <c>audit_status</c> reports it. Other modes get nothing.
/// </summary>
/// <remarks>
/// The replay database keeps its write-ahead log (unsynced): a killed process resumes from the last block it wrote.
/// <see cref="DisposeAsync"/> stops the loop and closes the replay; a loop still running when the node closes its
/// storage ends quietly.
/// </remarks>
public sealed class AuditNodeExtension : INodeExtension, IAsyncDisposable
{
    public const string ReplayDirectory = "audit-replay";

    private readonly CancellationTokenSource _stop = new();
    private RocksDbStore? _replay;
    private Task? _loop;

    /// <summary>The running verifier; null until registered on an audit node.</summary>
    public ContinuousAuditor? Auditor { get; private set; }

    public void Register(NodeExtensionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Mode != NodeMode.Audit)
        {
            return;
        }

        var genesis = TrustedGenesis.From(GenesisJson.Load(context.Home.GenesisFile, context.Rules), context.Rules);
        _replay = RocksDbStore.Open(new RocksDbOptions
        {
            Path = Path.Combine(context.Home.DataDirectory(context.Config), ReplayDirectory),
            ColumnFamilies = ChainColumns.All,
            SyncWritesByDefault = false,
            BlockCacheBytes = 64L * 1024 * 1024,
        });
        var options = new AuditOptions { MaxParallelism = 1 };
        var auditor = new ContinuousAuditor(
            new ChainAuditor(genesis, context.Rules, options, _replay),
            new LocalChainSource(context.Chain),
            options.ReExecute,
            context.Loggers.CreateLogger<ContinuousAuditor>(),
            TimeProvider.System);
        Auditor = auditor;
        AuditRpc.Register(context.Methods, auditor);
        context.AddCommitObserver(new WakeOnCommit(auditor));
        _loop = Task.Run(() => auditor.RunAsync(_stop.Token), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _replay?.Dispose();
        _stop.Dispose();
    }

    private sealed class WakeOnCommit(ContinuousAuditor auditor) : ICommitObserver
    {
        public void OnCommitted(BlockCommitted committed) => auditor.Notify();
    }
}
