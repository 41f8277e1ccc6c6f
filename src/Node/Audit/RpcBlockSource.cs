using System.Globalization;
using System.Text.Json.Nodes;
using DaiChain.Ledger.Audit;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;
using DaiChain.Node.RpcClient;

namespace DaiChain.Node.Audit;

/// <summary>
/// A remote node as an <see cref="IBlockSource"/>, over its chain methods (<c>chain_getBlock</c> with <c>full</c>,
/// <c>chain_getCommit</c>, <c>chain_getValidators</c>, <c>node_status</c>): blocks are rebuilt from the JSON fields
/// and raw transactions, then verified like any other source — the node is not trusted.
/// </summary>
/// <remarks>
/// The RPC serves evidence only as hashes, so a block carrying evidence cannot be rebuilt and is reported as
/// unreadable from RPC (verify such a chain from a data folder). Receipts are not served in their canonical form,
/// so they are not compared here; re-execution still checks every receipts root. Transport and format failures
/// surface as <see cref="IOException"/>, which the auditor reports at the height it was reading.
/// </remarks>
internal sealed class RpcBlockSource : IBlockSource
{
    private readonly JsonRpcClient _client;
    private readonly Dictionary<ulong, Block> _recent = [];

    public RpcBlockSource(JsonRpcClient client)
    {
        _client = client;
        Description = $"RPC {client.Endpoint}";
    }

    public string Description { get; }

    public ulong Height => Status().Height;

    /// <summary>The remote node's chain id, genesis hash and height.</summary>
    public (string ChainId, Hash256 GenesisHash, ulong Height) Status()
    {
        var status = Call("node_status", null, "the node's status") as JsonObject ?? throw Malformed("node_status", "not an object");
        return (Text(status, "chainId"), Hash(status, "genesisHash"), Number(status, "height"));
    }

    public Block? GetBlock(ulong height)
    {
        if (_recent.TryGetValue(height, out var cached))
        {
            return cached;
        }

        var node = Call("chain_getBlock", new JsonObject { ["height"] = height, ["full"] = true }, $"block {height}", notFoundIsNull: true);
        if (node is not JsonObject view)
        {
            return null;
        }

        var block = Rebuild(view, height);
        if (_recent.Count >= 4)
        {
            _recent.Remove(_recent.Keys.Min());
        }

        _recent[height] = block;
        return block;
    }

    public CommitCertificate? GetCertificate(ulong height) =>
        Call("chain_getCommit", new JsonObject { ["height"] = height }, $"the certificate of block {height}", notFoundIsNull: true) is JsonObject view
            ? Certificate(view, $"the certificate of block {height}")
            : null;

    public ValidatorSet? GetValidatorSet(ulong height)
    {
        if (Call("chain_getValidators", new JsonObject { ["height"] = height }, $"the validators of height {height}", notFoundIsNull: true) is not JsonObject view)
        {
            return null;
        }

        var what = $"the validators of height {height}";
        var validators = (view["validators"] as JsonArray ?? throw Malformed(what, "no validators"))
            .Select(v => v as JsonObject ?? throw Malformed(what, "a validator is not an object"))
            .Select(v => new Validator(PublicKey.Parse(Text(v, "publicKey")), Number(v, "power")));
        try
        {
            return ValidatorSet.Create(validators);
        }
        catch (ArgumentException e)
        {
            throw Malformed(what, e.Message);
        }
    }

    public IReadOnlyList<Receipt>? GetReceipts(ulong height) => null;

    public IReadOnlyList<ulong>? GetValidatorSetChangeHeights(ulong upToHeight) => null;

    private static Block Rebuild(JsonObject view, ulong height)
    {
        var what = $"block {height}";
        var header = view["header"] as JsonObject ?? throw Malformed(what, "no header");
        var rebuilt = new BlockHeader
        {
            ChainId = Text(header, "chainId"),
            Height = Number(header, "height"),
            TimeMs = (long)Number(header, "timeMs", signed: true),
            PreviousBlockHash = Hash(header, "previousBlockHash"),
            LastCommitHash = Hash(header, "lastCommitHash"),
            TransactionsRoot = Hash(header, "transactionsRoot"),
            ReceiptsRoot = Hash(header, "receiptsRoot"),
            StateRoot = Hash(header, "stateRoot"),
            ValidatorsHash = Hash(header, "validatorsHash"),
            NextValidatorsHash = Hash(header, "nextValidatorsHash"),
            EvidenceHash = Hash(header, "evidenceHash"),
            ProposerAddress = Address.Parse(Text(header, "proposer")),
        };
        if (view["evidence"] is JsonArray { Count: > 0 })
        {
            throw new IOException($"block {height} carries evidence, which RPC serves only as hashes; verify this chain from a node's data folder (--home or --data)");
        }

        var transactions = (view["transactions"] as JsonArray ?? [])
            .Select(t => SignedTransaction.FromBytes(Hex.Decode(Text(t as JsonObject ?? throw Malformed(what, "a transaction is not an object"), "raw"))))
            .ToList();
        var lastCommit = view["lastCommit"] is JsonObject commit ? Certificate(commit, $"the last commit in block {height}") : null;
        return new Block(rebuilt, transactions, lastCommit, []);
    }

    private static CommitCertificate Certificate(JsonObject view, string what)
    {
        var signatures = (view["signatures"] as JsonArray ?? throw Malformed(what, "no signatures"))
            .Select(s => s as JsonObject ?? throw Malformed(what, "a signature is not an object"))
            .Select(s => new CommitSignature((int)Number(s, "validatorIndex"), (long)Number(s, "timestampMs", signed: true), Canonical.Decode<RecoverableSignature>(Hex.Decode(Text(s, "signature")))))
            .ToList();
        try
        {
            return new CommitCertificate(Number(view, "height"), (uint)Number(view, "round"), Hash(view, "blockHash"), signatures);
        }
        catch (ArgumentException e)
        {
            throw Malformed(what, e.Message);
        }
    }

    private JsonNode? Call(string method, JsonObject? parameters, string what, bool notFoundIsNull = false)
    {
        try
        {
            return _client.CallAsync(method, parameters).GetAwaiter().GetResult();
        }
        catch (JsonRpcCallException e) when (notFoundIsNull && e.Reason == "not_found")
        {
            return null;
        }
        catch (JsonRpcCallException e)
        {
            throw new IOException($"{Description} answered {method} for {what} with an error: {e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw new IOException($"reading {what} from {Description} failed: {e.Message}", e);
        }
    }

    private static string Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw Malformed(name, "missing or not a string");

    private static Hash256 Hash(JsonObject node, string name) =>
        Hash256.TryParse(Text(node, name), out var hash) ? hash : throw Malformed(name, "not a hash");

    private static ulong Number(JsonObject node, string name, bool signed = false)
    {
        if (node[name] is JsonValue value)
        {
            if (value.TryGetValue<ulong>(out var number))
            {
                return number;
            }

            if (signed && value.TryGetValue<long>(out var negative))
            {
                return unchecked((ulong)negative);
            }
        }

        throw Malformed(name, "missing or not a whole number");
    }

    private static IOException Malformed(string what, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"the node's answer is malformed ({what}: {problem})"));
}
