using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;
using DaiChain.Node.RpcClient;

namespace DaiChain.Node.Bench;

/// <summary>
/// Offers signed transfers to a running devnet at a fixed rate and measures what commits and how fast.
/// </summary>
/// <remarks>
/// <para>Phases: measure this machine's signature-recovery ceiling; fund <see cref="BenchOptions.Accounts"/> fresh
/// accounts from the devnet's public sample accounts; sign every transfer in advance (so the run spends no CPU on
/// signing); then submit them in JSON-RPC batches of <c>tx_submit</c> at <see cref="BenchOptions.Rate"/>, round
/// robin over the targets, while a WebSocket <c>newBlocks</c> subscription on the first target timestamps each
/// committed block and its transactions are looked up.</para>
/// <para>Latency is from the moment a transaction's batch was sent to the moment the block that committed it was
/// announced. The committed rate is what committed during the offering window, divided by its length:
/// a backlog that only drains afterwards does not count as sustained.</para>
/// </remarks>
public sealed class LoadGenerator
{
    private const int FundingWave = 60;
    private readonly BenchOptions _options;
    private readonly TextWriter _log;

    public LoadGenerator(BenchOptions options, TextWriter log)
    {
        _options = options;
        _log = log;
    }

    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        var first = _options.Targets[0];
        using var rpc = new JsonRpcClient(first, TimeSpan.FromSeconds(60));
        _log.WriteLine("measuring the signature-recovery ceiling ...");
        var (oneCore, allCores) = SignatureCeiling.Measure(_options.CeilingProbe);

        var status = (JsonObject)(await rpc.CallAsync("node_status", null, cancellationToken).ConfigureAwait(false))!;
        var chainId = status["chainId"]!.GetValue<string>();
        var peers = (JsonArray)(await rpc.CallAsync("node_peers", null, cancellationToken).ConfigureAwait(false))!;
        var verifyingNodes = 1 + peers.Count;

        var total = (int)Math.Ceiling(_options.Rate * _options.Duration.TotalSeconds);
        var perAccount = (ulong)Math.Ceiling(total / (double)_options.Accounts);
        var senders = Enumerable.Range(0, _options.Accounts).Select(i => PrivateKey.FromSeed(_options.Seed, i)).ToArray();
        try
        {
            _log.WriteLine($"funding {senders.Length} accounts ...");
            await FundAsync(rpc, chainId, senders, perAccount + 10, cancellationToken).ConfigureAwait(false);

            _log.WriteLine($"signing {total} transfers ...");
            var transactions = Sign(chainId, senders, total);

            _log.WriteLine($"offering {total} transfers at {_options.Rate} tx/s for {_options.Duration.TotalSeconds:0} s to {_options.Targets.Count} node(s) ...");
            return await OfferAsync(transactions, (oneCore, allCores), verifyingNodes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var key in senders)
            {
                key.Dispose();
            }
        }
    }

    private static (double P50, double P95, double P99, double Max) Percentiles(List<double> values)
    {
        if (values.Count == 0)
        {
            return (double.NaN, double.NaN, double.NaN, double.NaN);
        }

        values.Sort();
        double At(double q) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(q * values.Count) - 1)];
        return (At(0.50), At(0.95), At(0.99), values[^1]);
    }

    private static SignedTransaction Transfer(string chainId, PrivateKey from, ulong nonce, Address to, ulong amount) =>
        new Transaction(chainId, nonce, TransactionKinds.Transfer, Canonical.Encode(new TransferPayload(to, amount))).Sign(new InMemorySigner(from));

    private static async Task FundAsync(JsonRpcClient rpc, string chainId, PrivateKey[] accounts, ulong amount, CancellationToken cancellationToken)
    {
        var funders = new List<PrivateKey>();
        for (var i = 0; i < 16; i++)
        {
            var key = Ledger.Genesis.Devnet.AccountKey(i);
            var account = (JsonObject)(await rpc.CallAsync("account_get", new JsonObject { ["address"] = key.Address.ToString() }, cancellationToken).ConfigureAwait(false))!;
            if (account["balance"]!.GetValue<ulong>() > amount * 10)
            {
                funders.Add(key);
            }
            else
            {
                key.Dispose();
            }
        }

        if (funders.Count == 0 || !chainId.StartsWith("daichain-devnet", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the load generator funds its accounts from the devnet's public sample accounts; run it against 'daichain devnet'");
        }

        try
        {
            var shares = funders.Select((f, i) => (Funder: f, Accounts: accounts.Where((_, j) => j % funders.Count == i).ToArray())).ToArray();
            await Task.WhenAll(shares.Select(async share =>
            {
                var account = (JsonObject)(await rpc.CallAsync("account_get", new JsonObject { ["address"] = share.Funder.Address.ToString() }, cancellationToken).ConfigureAwait(false))!;
                var nonce = account["nonce"]!.GetValue<ulong>();
                for (var start = 0; start < share.Accounts.Length; start += FundingWave)
                {
                    var wave = share.Accounts.Skip(start).Take(FundingWave).Select(a => Transfer(chainId, share.Funder, nonce++, a.Address, amount)).ToList();
                    for (var i = 0; i < wave.Count; i++)
                    {
                        await rpc.CallAsync("tx_submit", new JsonObject { ["tx"] = "0x" + Hex.Encode(wave[i].Encoded), ["wait"] = i == wave.Count - 1 }, cancellationToken).ConfigureAwait(false);
                    }
                }
            })).ConfigureAwait(false);
        }
        finally
        {
            foreach (var funder in funders)
            {
                funder.Dispose();
            }
        }
    }

    private static Prepared[] Sign(string chainId, PrivateKey[] senders, int total)
    {
        var sink = new Address(Hash256.Compute("daichain-bench/sink"u8).ToArray().AsSpan(0, Address.Size));
        var prepared = new Prepared[total];
        Parallel.For(0, total, i =>
        {
            var account = i % senders.Length;
            var nonce = (ulong)(i / senders.Length);
            var signed = Transfer(chainId, senders[account], nonce, sink, 1);
            prepared[i] = new Prepared(signed.Hash, "0x" + Hex.Encode(signed.Encoded));
        });
        return prepared;
    }

    private async Task<BenchReport> OfferAsync(Prepared[] transactions, (double OneCore, double AllCores) ceiling, int verifyingNodes, CancellationToken cancellationToken)
    {
        var index = new Dictionary<Hash256, int>(transactions.Length);
        for (var i = 0; i < transactions.Length; i++)
        {
            index[transactions[i].Hash] = i;
        }

        var sentAt = new long[transactions.Length];
        var committedAt = new long[transactions.Length];
        var rejected = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var accepted = 0;
        var blocks = new ConcurrentBag<(ulong Height, long At, int Count)>();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = _options.Concurrency * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        using var stopWatching = new CancellationTokenSource();
        using var watcherLinked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopWatching.Token);
        var watcher = WatchBlocksAsync(http, index, committedAt, blocks, watcherLinked.Token);
        await Task.Delay(500, cancellationToken).ConfigureAwait(false);

        var clock = Stopwatch.StartNew();
        var startTicks = Stopwatch.GetTimestamp();
        using var gate = new SemaphoreSlim(_options.Concurrency);
        var inflight = new List<Task>();
        var next = 0;
        var target = 0;
        while (next < transactions.Length && !cancellationToken.IsCancellationRequested)
        {
            var due = (int)Math.Min(transactions.Length, _options.Rate * clock.Elapsed.TotalSeconds);
            while (next < due)
            {
                var count = Math.Min(_options.BatchSize, due - next);
                var from = next;
                next += count;
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                var endpoint = _options.Targets[target++ % _options.Targets.Count];
                inflight.Add(Task.Run(
                    async () =>
                    {
                        try
                        {
                            var now = Stopwatch.GetTimestamp();
                            for (var i = from; i < from + count; i++)
                            {
                                sentAt[i] = now;
                            }

                            var ok = await SubmitBatchAsync(http, endpoint, transactions, from, count, rejected, cancellationToken).ConfigureAwait(false);
                            Interlocked.Add(ref accepted, ok);
                        }
                        finally
                        {
                            gate.Release();
                        }
                    },
                    cancellationToken));
            }

            inflight.RemoveAll(t => t.IsCompleted);
            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }

        await Task.WhenAll(inflight).ConfigureAwait(false);
        var offerEnd = Stopwatch.GetTimestamp();
        var offerSeconds = Stopwatch.GetElapsedTime(startTicks, offerEnd).TotalSeconds;

        var drain = Stopwatch.StartNew();
        while (drain.Elapsed < _options.Drain && committedAt.Count(t => t != 0) < Volatile.Read(ref accepted))
        {
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        await stopWatching.CancelAsync().ConfigureAwait(false);
        try
        {
            await watcher.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        var latencies = new List<double>();
        var committed = 0;
        var inWindow = 0;
        for (var i = 0; i < transactions.Length; i++)
        {
            if (committedAt[i] == 0 || sentAt[i] == 0)
            {
                continue;
            }

            committed++;
            latencies.Add(Stopwatch.GetElapsedTime(sentAt[i], committedAt[i]).TotalMilliseconds);
            if (committedAt[i] <= offerEnd)
            {
                inWindow++;
            }
        }

        var loaded = blocks.Where(b => b.At >= startTicks && b.At <= offerEnd).ToList();
        var (p50, p95, p99, max) = Percentiles(latencies);
        return new BenchReport
        {
            Offered = transactions.Length,
            OfferedRate = transactions.Length / offerSeconds,
            Accepted = accepted,
            Rejected = rejected.ToDictionary(StringComparer.Ordinal),
            Committed = committed,
            CommittedRate = inWindow / offerSeconds,
            LatencyP50Ms = p50,
            LatencyP95Ms = p95,
            LatencyP99Ms = p99,
            LatencyMaxMs = max,
            Blocks = loaded.Count,
            BlocksPerSecond = loaded.Count / offerSeconds,
            TransactionsPerBlock = loaded.Count == 0 ? 0 : loaded.Average(b => b.Count),
            RecoverPerSecondOneCore = ceiling.OneCore,
            RecoverPerSecondAllCores = ceiling.AllCores,
            VerifyingNodes = verifyingNodes,
        };
    }

    private static async Task<int> SubmitBatchAsync(HttpClient http, Uri endpoint, Prepared[] transactions, int from, int count, ConcurrentDictionary<string, int> rejected, CancellationToken cancellationToken)
    {
        var body = new StringBuilder(count * 400);
        body.Append('[');
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                body.Append(',');
            }

            body.Append("{\"jsonrpc\":\"2.0\",\"id\":").Append(from + i).Append(",\"method\":\"tx_submit\",\"params\":{\"tx\":\"").Append(transactions[from + i].Hex).Append("\"}}");
        }

        body.Append(']');
        using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        try
        {
            using var response = await http.PostAsync(endpoint, content, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                rejected.AddOrUpdate($"http_{(int)response.StatusCode}", count, (_, n) => n + count);
                return 0;
            }

            var ok = 0;
            foreach (var reply in document.RootElement.EnumerateArray())
            {
                if (reply.TryGetProperty("result", out _))
                {
                    ok++;
                }
                else
                {
                    var code = reply.GetProperty("error").TryGetProperty("data", out var data) && data.TryGetProperty("code", out var c) ? c.GetString()!
                        : reply.GetProperty("error").TryGetProperty("data", out var d) && d.TryGetProperty("reason", out var r) ? r.GetString()! : "error";
                    rejected.AddOrUpdate(code, 1, (_, n) => n + 1);
                }
            }

            return ok;
        }
        catch (HttpRequestException)
        {
            rejected.AddOrUpdate("unreachable", count, (_, n) => n + count);
            return 0;
        }
    }

    private async Task WatchBlocksAsync(HttpClient http, Dictionary<Hash256, int> index, long[] committedAt, ConcurrentBag<(ulong, long, int)> blocks, CancellationToken cancellationToken)
    {
        var endpoint = _options.Targets[0];
        var ws = new UriBuilder(endpoint) { Scheme = endpoint.Scheme == "https" ? "wss" : "ws", Path = "/ws" }.Uri;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(ws, cancellationToken).ConfigureAwait(false);
        var subscribe = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"subscribe\",\"params\":{\"topic\":\"newBlocks\"}}");
        await socket.SendAsync(subscribe, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        using var rpc = new JsonRpcClient(endpoint, http);
        var fetches = new List<Task>();
        var buffer = new byte[1 << 20];
        while (!cancellationToken.IsCancellationRequested)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                length += result.Count;
            }
            while (!result.EndOfMessage && length < buffer.Length);

            var at = Stopwatch.GetTimestamp();
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            using var message = JsonDocument.Parse(buffer.AsMemory(0, length));
            if (!message.RootElement.TryGetProperty("params", out var parameters))
            {
                continue;
            }

            var header = parameters.GetProperty("result");
            var height = header.GetProperty("height").GetUInt64();
            var count = header.GetProperty("transactionCount").GetInt32();
            blocks.Add((height, at, count));
            if (count > 0)
            {
                fetches.RemoveAll(t => t.IsCompleted);
                fetches.Add(Task.Run(
                    async () =>
                    {
                        var block = (JsonObject)(await rpc.CallAsync("chain_getBlock", new JsonObject { ["height"] = height }, CancellationToken.None).ConfigureAwait(false))!;
                        foreach (var hash in block["transactionHashes"]!.AsArray())
                        {
                            if (index.TryGetValue(Hash256.Parse(hash!.GetValue<string>()), out var i))
                            {
                                Volatile.Write(ref committedAt[i], at);
                            }
                        }
                    },
                    CancellationToken.None));
            }
        }

        await Task.WhenAll(fetches).ConfigureAwait(false);
    }

    private sealed record Prepared(Hash256 Hash, string Hex);
}
