using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DaiChain.Node.Configuration;

/// <summary>Reads, checks and writes <c>config.json</c>: JSON with a comment above every setting.</summary>
public static class NodeConfigFile
{
    /// <summary>The largest config file read.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Reads <paramref name="path"/>; every problem (syntax, unknown setting, value out of range) is one sentence naming the setting.</summary>
    /// <exception cref="NodeConfigException">The file is missing, malformed or has invalid values.</exception>
    public static NodeConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new NodeConfigException(path, [$"{path} does not exist; create the node's home with 'daichain init'"]);
        }

        var info = new FileInfo(path);
        if (info.Length > MaxFileBytes)
        {
            throw new NodeConfigException(path, [$"the file is {info.Length} bytes; a config file is at most {MaxFileBytes}"]);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses config text (<paramref name="source"/> names it in messages).</summary>
    public static NodeConfig Parse(string json, string source)
    {
        NodeConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(json, NodeConfigJson.Default.NodeConfig);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 1 } p ? $" at {p.TrimStart('$', '.')}" : string.Empty;
            var line = e.LineNumber is { } l ? $" (line {l + 1})" : string.Empty;
            throw new NodeConfigException(source, [$"not a valid config{where}{line}: {FirstSentence(e.Message)}"]);
        }

        if (config is null)
        {
            throw new NodeConfigException(source, ["the file holds null; it must be a JSON object"]);
        }

        var problems = FindProblems(config);
        return problems.Count == 0 ? config : throw new NodeConfigException(source, problems);
    }

    /// <summary>Every value out of range, as a sentence naming the setting.</summary>
    public static IReadOnlyList<string> FindProblems(NodeConfig config)
    {
        var problems = new List<string>();
        if (!NodeModes.TryParse(config.Mode, out _))
        {
            problems.Add($"mode is '{config.Mode}'; it must be validator, full or audit");
        }

        if (string.IsNullOrWhiteSpace(config.Keys.NodeKeyFile))
        {
            problems.Add("keys.node_key_file is empty; every node needs a P2P key");
        }

        if (string.IsNullOrWhiteSpace(config.Keys.PasswordEnv))
        {
            problems.Add("keys.password_env is empty; name the environment variable that holds the key password");
        }

        if (config.P2p.ListenAddress.Length > 0 && !TryParseEndPoint(config.P2p.ListenAddress, out _))
        {
            problems.Add($"p2p.listen_address '{config.P2p.ListenAddress}' is not host:port with an IP address (or empty to only dial)");
        }

        foreach (var peer in config.P2p.PersistentPeers)
        {
            if (!P2P.PeerAddress.TryParse(peer, out _))
            {
                problems.Add($"p2p.persistent_peers entry '{peer}' is not <66 hex digits of the node key>@<host>:<port>");
            }
        }

        Range(problems, "p2p.max_inbound_peers", config.P2p.MaxInboundPeers, 0, 10_000);
        Range(problems, "p2p.dial_timeout_ms", config.P2p.DialTimeoutMs, 1, 600_000);
        Range(problems, "p2p.handshake_timeout_ms", config.P2p.HandshakeTimeoutMs, 1, 600_000);
        Range(problems, "p2p.ping_interval_ms", config.P2p.PingIntervalMs, 1, 3_600_000);
        Range(problems, "p2p.idle_timeout_ms", config.P2p.IdleTimeoutMs, config.P2p.PingIntervalMs + 1, 3_600_000);
        Range(problems, "p2p.send_stall_timeout_ms", config.P2p.SendStallTimeoutMs, 1, 3_600_000);
        Range(problems, "p2p.ban_duration_ms", config.P2p.BanDurationMs, 0, int.MaxValue);
        Range(problems, "p2p.reconnect_base_delay_ms", config.P2p.ReconnectBaseDelayMs, 1, 3_600_000);
        Range(problems, "p2p.reconnect_max_delay_ms", config.P2p.ReconnectMaxDelayMs, config.P2p.ReconnectBaseDelayMs, 3_600_000);

        if (!TryParseEndPoint(config.Rpc.ListenAddress, out _))
        {
            problems.Add($"rpc.listen_address '{config.Rpc.ListenAddress}' is not host:port with an IP address");
        }

        Range(problems, "rpc.max_body_bytes", config.Rpc.MaxBodyBytes, 1024, 256 << 20);
        Range(problems, "rpc.max_batch_size", config.Rpc.MaxBatchSize, 1, 10_000);
        Range(problems, "rpc.max_connections", config.Rpc.MaxConnections, 1, 100_000);
        Range(problems, "rpc.max_websocket_connections", config.Rpc.MaxWebSocketConnections, 0, 100_000);
        Range(problems, "rpc.max_subscriptions_per_connection", config.Rpc.MaxSubscriptionsPerConnection, 1, 10_000);
        if (config.Rpc.RequestsPerSecondPerClient < 0 || double.IsNaN(config.Rpc.RequestsPerSecondPerClient))
        {
            problems.Add("rpc.requests_per_second_per_client must be 0 (off) or positive");
        }

        Range(problems, "rpc.request_burst_per_client", config.Rpc.RequestBurstPerClient, 1, 10_000_000);
        Range(problems, "rpc.method_timeout_ms", config.Rpc.MethodTimeoutMs, 100, 3_600_000);
        Range(problems, "rpc.max_commit_wait_ms", config.Rpc.MaxCommitWaitMs, 0, config.Rpc.MethodTimeoutMs);
        Range(problems, "rpc.max_commit_waiters", config.Rpc.MaxCommitWaiters, 0, 10_000_000);

        var c = config.Consensus;
        Optional(problems, "consensus.propose_timeout_ms", c.ProposeTimeoutMs, 1, 600_000);
        Optional(problems, "consensus.propose_timeout_delta_ms", c.ProposeTimeoutDeltaMs, 0, 600_000);
        Optional(problems, "consensus.prevote_timeout_ms", c.PrevoteTimeoutMs, 1, 600_000);
        Optional(problems, "consensus.prevote_timeout_delta_ms", c.PrevoteTimeoutDeltaMs, 0, 600_000);
        Optional(problems, "consensus.precommit_timeout_ms", c.PrecommitTimeoutMs, 1, 600_000);
        Optional(problems, "consensus.precommit_timeout_delta_ms", c.PrecommitTimeoutDeltaMs, 0, 600_000);
        Optional(problems, "consensus.commit_timeout_ms", c.CommitTimeoutMs, 0, 600_000);
        Range(problems, "consensus.max_proposal_transactions", c.MaxProposalTransactions, 1, Ledger.Chain.ChainLimits.MaxTransactionsPerBlock);
        Range(problems, "consensus.gossip_interval_ms", c.GossipIntervalMs, 10, 600_000);
        Range(problems, "consensus.inbox_capacity", c.InboxCapacity, 16, 10_000_000);
        Range(problems, "consensus.max_clock_drift_ms", c.MaxClockDriftMs, 0, 3_600_000);

        var m = config.Mempool;
        Range(problems, "mempool.max_transactions", m.MaxTransactions, 1, 10_000_000);
        if (m.MaxBytes < 1024)
        {
            problems.Add($"mempool.max_bytes is {m.MaxBytes}; it must be at least 1024");
        }

        Range(problems, "mempool.max_per_sender", m.MaxPerSender, 1, 1_000_000);
        Range(problems, "mempool.gossip_batch_size", m.GossipBatchSize, 1, 10_000);
        Range(problems, "mempool.gossip_queue_capacity", m.GossipQueueCapacity, 1, 10_000_000);
        Range(problems, "mempool.receive_queue_capacity", m.ReceiveQueueCapacity, 1, 10_000_000);

        var s = config.Sync;
        Range(problems, "sync.window", s.Window, 1, 1024);
        Range(problems, "sync.request_timeout_ms", s.RequestTimeoutMs, 10, 600_000);
        Range(problems, "sync.status_interval_ms", s.StatusIntervalMs, 10, 600_000);
        Range(problems, "sync.startup_wait_ms", s.StartupWaitMs, 0, 600_000);

        var st = config.Storage;
        if (string.IsNullOrWhiteSpace(st.DataDir))
        {
            problems.Add("storage.data_dir is empty");
        }

        if (st.BlockCacheBytes < 0)
        {
            problems.Add("storage.block_cache_bytes must not be negative");
        }

        if (st.WriteBufferBytes < 1 << 20)
        {
            problems.Add("storage.write_buffer_bytes must be at least 1 MiB");
        }

        if (!TryParseCompression(st.Compression, out _))
        {
            problems.Add($"storage.compression is '{st.Compression}'; it must be none, snappy, lz4 or zstd");
        }

        Range(problems, "storage.value_cache_entries", st.ValueCacheEntries, 0, 100_000_000);
        Range(problems, "storage.node_cache_entries", st.NodeCacheEntries, 0, 100_000_000);
        if (string.IsNullOrWhiteSpace(st.ArtifactsDir))
        {
            problems.Add("storage.artifacts_dir is empty");
        }

        if (st.MaxArtifactBytes < 1)
        {
            problems.Add($"storage.max_artifact_bytes is {st.MaxArtifactBytes}; it must be positive");
        }

        if (config.Log.Format is not ("text" or "json"))
        {
            problems.Add($"log.format is '{config.Log.Format}'; it must be text or json");
        }

        if (!TryParseLogLevel(config.Log.Level, out _))
        {
            problems.Add($"log.level is '{config.Log.Level}'; it must be trace, debug, information, warning, error or critical");
        }

        return problems;
    }

    /// <summary>Parses <c>host:port</c> where host is an IP address (or <c>localhost</c>).</summary>
    public static bool TryParseEndPoint(string text, out IPEndPoint endPoint)
    {
        endPoint = null!;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 0 or > 65535)
        {
            return false;
        }

        var host = text[..colon].Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            endPoint = new IPEndPoint(IPAddress.Loopback, port);
            return true;
        }

        if (!IPAddress.TryParse(host, out var address))
        {
            return false;
        }

        endPoint = new IPEndPoint(address, port);
        return true;
    }

    public static bool TryParseCompression(string text, out Ledger.Storage.RocksDbCompression compression)
    {
        switch (text)
        {
            case "none":
                compression = Ledger.Storage.RocksDbCompression.None;
                return true;
            case "snappy":
                compression = Ledger.Storage.RocksDbCompression.Snappy;
                return true;
            case "lz4":
                compression = Ledger.Storage.RocksDbCompression.Lz4;
                return true;
            case "zstd":
                compression = Ledger.Storage.RocksDbCompression.Zstd;
                return true;
            default:
                compression = default;
                return false;
        }
    }

    public static bool TryParseLogLevel(string text, out Microsoft.Extensions.Logging.LogLevel level)
    {
        level = text switch
        {
            "trace" => Microsoft.Extensions.Logging.LogLevel.Trace,
            "debug" => Microsoft.Extensions.Logging.LogLevel.Debug,
            "information" => Microsoft.Extensions.Logging.LogLevel.Information,
            "warning" => Microsoft.Extensions.Logging.LogLevel.Warning,
            "error" => Microsoft.Extensions.Logging.LogLevel.Error,
            "critical" => Microsoft.Extensions.Logging.LogLevel.Critical,
            _ => Microsoft.Extensions.Logging.LogLevel.None,
        };
        return level != Microsoft.Extensions.Logging.LogLevel.None;
    }

    /// <summary>Writes <paramref name="config"/> with a comment above every setting (atomically: temporary file, then rename).</summary>
    public static void Save(string path, NodeConfig config)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Write(config));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The config as commented JSON.</summary>
    public static string Write(NodeConfig config)
    {
        var w = new CommentedJsonWriter();
        w.Open(null, "DaiChain node configuration (JSON; // comments allowed). A setting left out takes the default shown in docs/spec/node.md.");
        w.Value("mode", config.Mode, "validator (runs consensus, signs), full (follows by block sync, accepts transactions) or audit (follows by block sync, read-only RPC). 'daichain run --mode' overrides it.");
        w.Value("moniker", config.Moniker, "a name for people and logs");

        w.Open("keys", "Key files are encrypted (docs/spec/keyfile.md); relative paths are under this home.");
        w.Value("validator_key_file", config.Keys.ValidatorKeyFile, "the validator's consensus key: signs proposals and votes (validator mode only; null for none)");
        w.Value("node_key_file", config.Keys.NodeKeyFile, "the node's P2P key: its identity in the handshake, which must be in the chain's node registry");
        w.Value("password_env", config.Keys.PasswordEnv, "environment variable that holds the key files' password");
        w.Close();

        var p = config.P2p;
        w.Open("p2p", "Authenticated, encrypted peer connections (docs/spec/p2p.md).");
        w.Value("listen_address", p.ListenAddress, "host:port to accept peers on; \"\" to only dial");
        w.Value("persistent_peers", p.PersistentPeers, "peers dialed at start and redialed when lost: <node key hex>@host:port");
        w.Value("max_inbound_peers", p.MaxInboundPeers, "inbound peers kept at most (default 40)");
        w.Value("dial_timeout_ms", p.DialTimeoutMs, "TCP connect timeout (default 3000)");
        w.Value("handshake_timeout_ms", p.HandshakeTimeoutMs, "time allowed for the whole handshake (default 5000)");
        w.Value("ping_interval_ms", p.PingIntervalMs, "keep-alive period (default 10000)");
        w.Value("idle_timeout_ms", p.IdleTimeoutMs, "a peer silent this long is dropped; above ping_interval_ms (default 45000)");
        w.Value("send_stall_timeout_ms", p.SendStallTimeoutMs, "a peer that reads nothing for this long is dropped (default 20000)");
        w.Value("ban_duration_ms", p.BanDurationMs, "how long a misbehaving peer is refused (default 600000)");
        w.Value("reconnect_base_delay_ms", p.ReconnectBaseDelayMs, "first redial delay of a persistent peer; doubles per failure (default 500)");
        w.Value("reconnect_max_delay_ms", p.ReconnectMaxDelayMs, "longest redial delay (default 10000)");
        w.Close();

        var r = config.Rpc;
        w.Open("rpc", "JSON-RPC 2.0 over HTTP POST and WebSocket, plus /health and /metrics (docs/spec/rpc.md).");
        w.Value("listen_address", r.ListenAddress, "host:port; keep 127.0.0.1 unless a reverse proxy guards it (default 127.0.0.1:8645)");
        w.Value("max_body_bytes", r.MaxBodyBytes, "largest request body (default 1048576)");
        w.Value("max_batch_size", r.MaxBatchSize, "most requests in one batch (default 100)");
        w.Value("max_connections", r.MaxConnections, "open TCP connections at most (default 256)");
        w.Value("max_websocket_connections", r.MaxWebSocketConnections, "open WebSocket connections at most (default 64)");
        w.Value("max_subscriptions_per_connection", r.MaxSubscriptionsPerConnection, "subscriptions per WebSocket (default 32)");
        w.Value("requests_per_second_per_client", r.RequestsPerSecondPerClient, "sustained requests per client address; 0 turns rate limiting off (default 200)");
        w.Value("request_burst_per_client", r.RequestBurstPerClient, "requests an idle client may send at once (default 400)");
        w.Value("method_timeout_ms", r.MethodTimeoutMs, "a method running longer is cancelled (default 30000)");
        w.Value("max_commit_wait_ms", r.MaxCommitWaitMs, "longest tx_submit wait for a commit (default 25000)");
        w.Value("max_commit_waiters", r.MaxCommitWaiters, "transactions waited on at once (default 20000)");
        w.Value("allowed_origins", r.AllowedOrigins, "browser origins allowed to call the node; \"*\" for any (default none)");
        w.Close();

        var c = config.Consensus;
        w.Open("consensus", "Round timeouts are local choices; null takes the chain's value from genesis.json.");
        w.Nullable("propose_timeout_ms", c.ProposeTimeoutMs, "wait for a proposal in round 0");
        w.Nullable("propose_timeout_delta_ms", c.ProposeTimeoutDeltaMs, "added per round");
        w.Nullable("prevote_timeout_ms", c.PrevoteTimeoutMs, "wait for more prevotes after +2/3 of any");
        w.Nullable("prevote_timeout_delta_ms", c.PrevoteTimeoutDeltaMs, "added per round");
        w.Nullable("precommit_timeout_ms", c.PrecommitTimeoutMs, "wait for more precommits after +2/3 of any");
        w.Nullable("precommit_timeout_delta_ms", c.PrecommitTimeoutDeltaMs, "added per round");
        w.Nullable("commit_timeout_ms", c.CommitTimeoutMs, "pause after a commit before the next height (0: as fast as possible)");
        w.Value("max_proposal_transactions", c.MaxProposalTransactions, "most transactions in a block this node proposes; keeps blocks within the round timeouts (default 2000)");
        w.Value("gossip_interval_ms", c.GossipIntervalMs, "re-send of the current round's messages and help for lagging peers (default 1000)");
        w.Value("inbox_capacity", c.InboxCapacity, "peer messages queued for the consensus loop at most (default 10000)");
        w.Value("max_clock_drift_ms", c.MaxClockDriftMs, "how far ahead of this node's clock a proposed block's time may be (default 5000)");
        w.Close();

        var m = config.Mempool;
        w.Open("mempool", "Pending transactions and their gossip.");
        w.Value("max_transactions", m.MaxTransactions, "transactions held at most (default 50000)");
        w.Value("max_bytes", m.MaxBytes, "encoded bytes held at most (default 67108864)");
        w.Value("max_per_sender", m.MaxPerSender, "pending transactions of one sender at most (default 256)");
        w.Value("max_nonce_gap", m.MaxNonceGap, "how far ahead of the sender's next nonce a transaction may be (default 64)");
        w.Value("gossip_batch_size", m.GossipBatchSize, "transactions per gossip message at most (default 512)");
        w.Value("gossip_queue_capacity", m.GossipQueueCapacity, "accepted transactions waiting to be gossiped at most (default 100000)");
        w.Value("receive_queue_capacity", m.ReceiveQueueCapacity, "gossiped transactions waiting to be checked at most (default 100000)");
        w.Close();

        var s = config.Sync;
        w.Open("sync", "Block download for new, lagging and audit nodes; each block's commit certificate is verified.");
        w.Value("window", s.Window, "blocks requested ahead at once (default 32)");
        w.Value("request_timeout_ms", s.RequestTimeoutMs, "an unanswered request goes to another peer after this (default 5000)");
        w.Value("status_interval_ms", s.StatusIntervalMs, "how often the node tells peers its height, besides on every commit (default 1000)");
        w.Value("startup_wait_ms", s.StartupWaitMs, "a starting validator waits this long to hear a peer's height before joining consensus anyway (default 3000)");
        w.Close();

        var st = config.Storage;
        w.Open("storage", "RocksDB chain database, consensus write-ahead log and signer state.");
        w.Value("data_dir", st.DataDir, "relative to the home (default data)");
        w.Value("block_cache_bytes", st.BlockCacheBytes, "RocksDB block cache (default 268435456)");
        w.Value("write_buffer_bytes", st.WriteBufferBytes, "RocksDB memtable size (default 67108864)");
        w.Value("compression", st.Compression, "none, snappy, lz4 or zstd (default lz4)");
        w.Value("sync_commits", st.SyncCommits, "fsync every block's commit; false only for throwaway test networks (default true)");
        w.Value("retained_state_versions", st.RetainedStateVersions, "recent heights whose state stays provable; 0 keeps all (default 10000)");
        w.Value("value_cache_entries", st.ValueCacheEntries, "state values cached in memory (default 500000)");
        w.Value("node_cache_entries", st.NodeCacheEntries, "state tree nodes cached in memory (default 500000)");
        w.Value("artifacts_dir", st.ArtifactsDir, "the artifact store (model files), relative to data_dir (default artifacts)");
        w.Value("max_artifact_bytes", st.MaxArtifactBytes, "largest artifact stored or fetched from peers (default 268435456)");
        w.Close();

        w.Open("log", null);
        w.Value("format", config.Log.Format, "text or json (one object per line); 'daichain run --log-format' overrides it");
        w.Value("level", config.Log.Level, "trace, debug, information, warning, error or critical (default information)");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static void Range(List<string> problems, string name, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            problems.Add($"{name} is {value}; it must be between {min} and {max}");
        }
    }

    private static void Optional(List<string> problems, string name, int? value, int min, int max)
    {
        if (value is { } v)
        {
            Range(problems, name, v, min, max);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>Builds indented JSON with a <c>//</c> comment line above each member.</summary>
    private sealed class CommentedJsonWriter
    {
        private readonly StringBuilder _text = new();
        private readonly List<bool> _first = [];

        public void Open(string? name, string? comment)
        {
            Member(name, comment);
            _text.Append('{').Append('\n');
            _first.Add(true);
        }

        public void Close()
        {
            _first.RemoveAt(_first.Count - 1);
            _text.Append('\n').Append(' ', _first.Count * 2).Append('}');
            if (_first.Count == 0)
            {
                _text.Append('\n');
            }
        }

        public void Value(string name, string? value, string comment) => Scalar(name, comment, value is null ? "null" : JsonValue.Create(value).ToJsonString());

        public void Value(string name, long value, string comment) => Scalar(name, comment, value.ToString(CultureInfo.InvariantCulture));

        public void Value(string name, ulong value, string comment) => Scalar(name, comment, value.ToString(CultureInfo.InvariantCulture));

        public void Nullable(string name, int? value, string comment) => Scalar(name, comment, value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null");

        public void Value(string name, double value, string comment) => Scalar(name, comment, value.ToString("R", CultureInfo.InvariantCulture));

        public void Value(string name, bool value, string comment) => Scalar(name, comment, value ? "true" : "false");

        public void Value(string name, List<string> values, string comment) =>
            Scalar(name, comment, "[" + string.Join(", ", values.Select(v => JsonValue.Create(v).ToJsonString())) + "]");

        public override string ToString() => _text.ToString();

        private void Scalar(string name, string comment, string json)
        {
            Member(name, comment);
            _text.Append(json);
        }

        private void Member(string? name, string? comment)
        {
            var depth = _first.Count;
            if (depth > 0)
            {
                if (!_first[^1])
                {
                    _text.Append(",\n");
                }

                _first[^1] = false;
            }

            var indent = new string(' ', depth * 2);
            if (comment is not null)
            {
                if (depth > 0 && _text.Length > 0 && _text[^1] == '\n' && name is not null && _text.Length > 2 && _text[^2] == ',')
                {
                    _text.Append('\n');
                }

                _text.Append(indent).Append("// ").Append(comment).Append('\n');
            }

            _text.Append(indent);
            if (name is not null)
            {
                _text.Append('"').Append(name).Append("\": ");
            }
        }
    }
}
