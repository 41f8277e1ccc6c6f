using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DaiChain.Ledger.Crypto;
using DaiChain.Node.RpcClient;

namespace DaiChain.EndToEnd.Tests;

/// <summary>
/// Transfers from a few accounts, one at a time per account with consecutive nonces, each submitted with
/// <c>wait</c> and resubmitted (the same signed bytes) to another node if the answer does not come: what a client
/// does. Records every transaction a node acknowledged as committed.
/// </summary>
public sealed class TransferLoad : IAsyncDisposable
{
    private readonly IReadOnlyList<ClusterNode> _targets;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];

    public TransferLoad(IReadOnlyList<ClusterNode> targets, IReadOnlyList<PrivateKey> senders)
    {
        _targets = targets;
        for (var i = 0; i < senders.Count; i++)
        {
            var sender = senders[i];
            var first = i;
            _loops.Add(Task.Run(() => RunAsync(sender, first, _stop.Token)));
        }
    }

    /// <summary>Transaction hash → height, for every transaction a node answered <c>committed</c> for.</summary>
    public ConcurrentDictionary<string, ulong> Acknowledged { get; } = new(StringComparer.Ordinal);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RunAsync(PrivateKey sender, int first, CancellationToken stop)
    {
        using var recipient = PrivateKey.FromSeed("e2e-load-recipient", first);
        var target = first;
        ulong? nonce = null;
        while (!stop.IsCancellationRequested)
        {
            var node = _targets[target++ % _targets.Count];
            try
            {
                nonce ??= ((JsonObject)(await node.Rpc.CallAsync("account_get", new JsonObject { ["address"] = sender.Address.ToString() }, stop))!)["nonce"]!.GetValue<ulong>();
                var transaction = Transfers.Sign(sender, nonce.Value, recipient.Address, 1);
                for (var attempt = 0; attempt < 20 && !stop.IsCancellationRequested; attempt++)
                {
                    var parameters = Transfers.SubmitParams(transaction, wait: true);
                    parameters["timeoutMs"] = 5_000;
                    try
                    {
                        var result = (JsonObject)(await node.Rpc.CallAsync("tx_submit", parameters, stop))!;
                        if (result["status"]!.GetValue<string>() == "committed")
                        {
                            Acknowledged[Transfers.HashOf(transaction)] = result["height"]!.GetValue<ulong>();
                            nonce++;
                            break;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or JsonRpcCallException { Reason: "commit_timeout" or "tx_dropped" })
                    {
                        node = _targets[target++ % _targets.Count];
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or JsonRpcCallException)
            {
                // Re-read the nonce from another node next time round.
                nonce = null;
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }
}
