using System.Threading.Channels;
using DaiChain.Ledger.Audit;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Audit;

/// <summary>
/// An audit node's verifier: follows the node's own chain as block sync commits it and verifies every block from
/// genesis with a <see cref="ChainAuditor"/> (its own replay of the state, separate from the node's), so that what the
/// node stores is checked independently of the code path that stored it. <c>audit_status</c> reports its progress.
/// </summary>
/// <remarks>
/// <para>One loop (<see cref="RunAsync"/>) does all verification; <see cref="Notify"/> wakes it and never blocks (a
/// bounded channel of one signal), and it also polls every <see cref="ContinuousAuditorOptions.PollInterval"/>. The
/// first discrepancy halts verification and is logged as an error; the node keeps serving, and the status says so.</para>
/// <para>Block H is verified once the certificate committing it is available (in block H+1, or the node's stored head
/// certificate), so the verified height trails the node's head by at most one block.</para>
/// </remarks>
public sealed class ContinuousAuditor
{
    private readonly ChainAuditor _auditor;
    private readonly IBlockSource _source;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ContinuousAuditorOptions _options;
    private readonly bool _reExecute;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private volatile AuditStatus _status;
    private ulong _blocks;
    private ulong _transactions;

    public ContinuousAuditor(ChainAuditor auditor, IBlockSource source, bool reExecute, ILogger<ContinuousAuditor> logger, TimeProvider time, ContinuousAuditorOptions? options = null)
    {
        _auditor = auditor;
        _source = source;
        _reExecute = reExecute;
        _logger = logger;
        _time = time;
        _options = options ?? new ContinuousAuditorOptions();
        _status = Snapshot("starting", 0);
    }

    /// <summary>The latest status; safe from any thread.</summary>
    public AuditStatus Status => _status;

    /// <summary>Wakes the loop: a block was committed. Never blocks.</summary>
    public void Notify() => _wake.Writer.TryWrite(true);

    /// <summary>Verifies until <paramref name="cancellationToken"/> is cancelled; call once, on its own task.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var state = VerifyAvailable(cancellationToken);
                if (state == AuditStep.Failed)
                {
                    var failure = _auditor.Failure!;
                    _logger.LogError("audit halted at height {Height}: {Subject}: {Message} ({Code})", failure.Height, failure.Subject, failure.Message, failure.Code);
                    return;
                }

                using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                using var timer = _time.CreateTimer(static p => ((CancellationTokenSource)p!).Cancel(), poll, _options.PollInterval, Timeout.InfiniteTimeSpan);
                try
                {
                    _ = await _wake.Reader.WaitToReadAsync(poll.Token).ConfigureAwait(false);
                    _wake.Reader.TryRead(out _);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The poll interval passed without a notification: look anyway.
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (ObjectDisposedException)
        {
            // The node closed its storage before stopping this loop: it is shutting down.
        }
#pragma warning disable CA1031 // The loop's boundary: an unexpected failure stops verification and is reported, never lost in a faulted task.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _logger.LogCritical(e, "the audit verifier stopped on an unexpected error at height {Height}: {Reason}", _auditor.VerifiedHeight + 1, e.Message);
            _status = _status with { State = "failed", Discrepancies = [new DiscrepancyView(_auditor.VerifiedHeight + 1, "audit_internal_error", "auditor", e.Message)] };
            return;
        }
        finally
        {
            if (_auditor.Failure is null && _status.State != "failed")
            {
                _status = Snapshot("stopped", _status.ChainHeight);
            }
        }
    }

    /// <summary>Verifies every block the source can prove committed; returns why it stopped.</summary>
    private AuditStep VerifyAvailable(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chainHeight = _source.Height;
            _status = Snapshot(_auditor.VerifiedHeight < chainHeight ? "verifying" : "idle", chainHeight);
            for (var i = 0; i < _options.BlocksPerRound; i++)
            {
                var before = _auditor.TransactionsVerified;
                var step = _auditor.Step(_source);
                if (step != AuditStep.Verified)
                {
                    _status = Snapshot(step == AuditStep.Failed ? "halted" : "idle", chainHeight);
                    return step;
                }

                _blocks++;
                _transactions += _auditor.TransactionsVerified - before;
            }
        }
    }

    private AuditStatus Snapshot(string state, ulong chainHeight)
    {
        var last = _auditor.LastHeader;
        return new AuditStatus(
            state,
            _auditor.VerifiedHeight,
            chainHeight,
            _reExecute,
            _blocks,
            _transactions,
            last is null ? null : "0x" + last.Hash().ToString(),
            last is null ? null : "0x" + _auditor.LastStateRoot.ToString(),
            _auditor.Failure is { } failure ? [DiscrepancyView.From(failure)] : []);
    }
}
