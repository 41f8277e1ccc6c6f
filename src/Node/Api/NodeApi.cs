using System.Text.Json.Nodes;
using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;
using DaiChain.Node.Chain;
using DaiChain.Node.Rpc;
using DaiChain.Node.Rpc.Schema;

namespace DaiChain.Node.Api;

/// <summary>
/// The node and chain JSON-RPC methods (docs/spec/rpc.md, "Node and chain methods"): node_status, node_peers,
/// chain_getBlock, chain_getHeader, chain_getCommit, chain_getValidators, tx_submit, tx_get, account_get and
/// state_getProof.
/// </summary>
internal sealed class NodeApi
{
    private readonly LocalChain _chain;
    private readonly INodeStatusSource _status;
    private readonly ITransactionSubmitter? _submitter;
    private readonly CommitWaiters _waiters;
    private readonly ITransactionHandlerNames _names;
    private readonly TimeSpan _maxWait;

    public NodeApi(LocalChain chain, INodeStatusSource status, ITransactionSubmitter? submitter, CommitWaiters waiters, ITransactionHandlerNames names, TimeSpan maxWait)
    {
        _chain = chain;
        _status = status;
        _submitter = submitter;
        _waiters = waiters;
        _names = names;
        _maxWait = maxWait;
    }

    public void Register(RpcMethodRegistry registry)
    {
        var json = ApiJson.Default;
        registry.Add(RpcMethod.Read("node_status", "Returns the node's chain, height, latest block, mode, peers and whether it is syncing.")
            .Handle(json.NodeStatusView, _ => ValueTask.FromResult(_status.Status())));

        registry.Add(RpcMethod.Read("node_peers", "Lists the connected peers with their reported heights.")
            .Handle(json.IReadOnlyListPeerView, _ => ValueTask.FromResult(_status.Peers())));

        registry.Add(RpcMethod.Read("chain_getBlock", "Returns a block by height or hash (the latest without either).")
            .OptionalParam("height", RpcSchema.NonNegativeInteger("Block height."), "Block height.")
            .OptionalParam("hash", RpcSchema.Hash("Block hash."), "Block hash (0x and 64 hex digits).")
            .OptionalParam("full", RpcSchema.Boolean("Include whole transactions, not only their hashes."), "Include whole transactions.")
            .Error(ApiErrors.NotFound, ApiErrors.NotFoundReason, "No block at that height or with that hash.")
            .Handle(json.FullBlockParams, json.BlockView, (p, _) => ValueTask.FromResult(GetBlock(p))));

        registry.Add(RpcMethod.Read("chain_getHeader", "Returns a block header by height or hash (the latest without either).")
            .OptionalParam("height", RpcSchema.NonNegativeInteger("Block height."), "Block height.")
            .OptionalParam("hash", RpcSchema.Hash("Block hash."), "Block hash (0x and 64 hex digits).")
            .Error(ApiErrors.NotFound, ApiErrors.NotFoundReason, "No block at that height or with that hash.")
            .Handle(json.BlockParams, json.HeaderView, (p, _) =>
            {
                var block = FindBlock(p.Height, p.Hash);
                return ValueTask.FromResult(ApiViewMapper.Header(block.Header, block.Transactions.Count));
            }));

        registry.Add(RpcMethod.Read("chain_getCommit", "Returns the commit certificate of the block at a height (the latest without one).")
            .OptionalParam("height", RpcSchema.NonNegativeInteger("Block height."), "Block height.")
            .Error(ApiErrors.NotFound, ApiErrors.NotFoundReason, "No committed block at that height.")
            .Handle(json.HeightParams, json.CommitView, (p, _) => ValueTask.FromResult(GetCommit(p.Height))));

        registry.Add(RpcMethod.Read("chain_getValidators", "Returns the validator set of a height (known up to the head + 2; the next height without one).")
            .OptionalParam("height", RpcSchema.Integer(1, null, "Height."), "Height.")
            .Error(ApiErrors.NotFound, ApiErrors.NotFoundReason, "The validator set of that height is not known yet.")
            .Handle(json.HeightParams, json.ValidatorSetView, (p, _) => ValueTask.FromResult(GetValidators(p.Height))));

        registry.Add(RpcMethod.Write("tx_submit", "Submits a signed transaction; returns its hash, or waits until it commits.")
            .WithDescription("`tx` is the signed transaction's canonical encoding (docs/spec/chain-format.md) as 0x-hex. Without `wait` the answer comes once the mempool admitted it (`status: pending`). With `wait: true` the answer comes when a block commits it (`status: committed`, with height, index and the receipt's success and code) or the wait ends (`commit_timeout`: it may still commit) or the mempool drops it (`tx_dropped`).")
            .Param("tx", RpcSchema.HexData(ChainLimits.MaxTransactionBytes, "Signed transaction bytes."), "The signed transaction, 0x-hex.")
            .OptionalParam("wait", RpcSchema.Boolean("Wait until the transaction commits."), "Wait for the commit.")
            .OptionalParam("timeoutMs", RpcSchema.Integer(1, 600_000, "Longest wait in milliseconds."), "Longest wait, ms (capped by the node's rpc.max_commit_wait_ms).")
            .Error(ApiErrors.TransactionRejected, ApiErrors.TransactionRejectedReason, "The mempool refused the transaction; data.code says why.")
            .Error(ApiErrors.CommitTimeout, ApiErrors.CommitTimeoutReason, "Accepted, but not committed within the wait; it may still commit.")
            .Error(ApiErrors.TransactionDropped, ApiErrors.TransactionDroppedReason, "Accepted, then dropped from the mempool before it committed.")
            .Error(ApiErrors.TooManyWaiters, ApiErrors.TooManyWaitersReason, "The node waits on too many transactions; submit without wait.")
            .Handle(json.SubmitParams, json.SubmitResultView, SubmitAsync));

        registry.Add(RpcMethod.Read("tx_get", "Returns a transaction by hash, with its block, receipt and inclusion proof when committed.")
            .Param("hash", RpcSchema.Hash("Transaction hash."), "Transaction hash (0x and 64 hex digits).")
            .Error(ApiErrors.NotFound, ApiErrors.NotFoundReason, "No committed or pending transaction with that hash.")
            .Handle(json.HashParams, json.TransactionView, (p, _) => ValueTask.FromResult(GetTransaction(p.Hash))));

        registry.Add(RpcMethod.Read("account_get", "Returns an account's nonce, balance and roles (at the latest height, or a recent one).")
            .Param("address", RpcSchema.Address("Account address."), "Account address (0x and 40 hex digits).")
            .OptionalParam("height", RpcSchema.NonNegativeInteger("Height."), "Height (default: the latest).")
            .Error(ApiErrors.StateUnavailable, ApiErrors.StateUnavailableReason, "The state of that height is pruned or not committed yet.")
            .Handle(json.AccountParams, json.AccountView, (p, _) => ValueTask.FromResult(GetAccount(p))));

        registry.Add(RpcMethod.Read("state_getProof", "Returns a state value (or its absence) with a Merkle proof against a header's state root.")
            .WithDescription("Give `address` for an account, or `key` for any state key (the 32-byte SHA-256 tree key, docs/spec/state.md). Verify by folding `siblings` from the leaf (or zero) up to `stateRoot`, which is the `stateRoot` of the header at `height`.")
            .OptionalParam("key", RpcSchema.Hash("State tree key."), "A 32-byte state key, 0x-hex.")
            .OptionalParam("address", RpcSchema.Address("Account address."), "An account address (proves its account entry).")
            .OptionalParam("height", RpcSchema.NonNegativeInteger("Height."), "Height (default: the latest).")
            .Error(ApiErrors.StateUnavailable, ApiErrors.StateUnavailableReason, "The state of that height is pruned or not committed yet.")
            .Handle(json.ProofParams, json.StateProofView, (p, _) => ValueTask.FromResult(GetProof(p))));
    }

    private static RpcException NotFound(string message) => new(ApiErrors.NotFound, ApiErrors.NotFoundReason, message);

    private BlockView GetBlock(FullBlockParams p)
    {
        var block = FindBlock(p.Height, p.Hash);
        var full = p.Full == true;
        IReadOnlyList<TransactionView>? transactions = null;
        if (full)
        {
            var receipts = _chain.Store.GetReceipts(block.Height);
            transactions = [.. block.Transactions.Select((t, i) => ApiViewMapper.Transaction(t, _names, "committed", block, i, receipts?[i]))];
        }

        var lastCommit = block.LastCommit is { } c ? ApiViewMapper.Commit(c, _chain.Head.GetValidatorSet(c.Height)) : null;
        return new BlockView(
            ApiViewMapper.Header(block.Header, block.Transactions.Count),
            [.. block.Transactions.Select(t => ApiViewMapper.HashText(t.Hash))],
            transactions,
            lastCommit,
            [.. block.Evidence.Select(e => ApiViewMapper.HashText(e.Hash))],
            block.Encode().Length);
    }

    private Block FindBlock(ulong? height, string? hash)
    {
        if (height is not null && hash is not null)
        {
            throw RpcException.InvalidParams("hash", "give a height or a hash, not both");
        }

        var head = _chain.Height;
        if (hash is not null)
        {
            return _chain.Store.GetBlock(Hash256.Parse(hash)) ?? throw NotFound($"no committed block has hash {hash}; the head is at height {head}");
        }

        var at = height ?? head;
        if (at == 0)
        {
            throw NotFound(height is null ? "no block is committed yet (height 0)" : "height 0 is the genesis state; blocks start at height 1");
        }

        return _chain.Store.GetBlock(at) ?? throw NotFound($"no block at height {at} yet; the head is at height {head}");
    }

    private CommitView GetCommit(ulong? height)
    {
        var head = _chain.Height;
        var at = height ?? head;
        var certificate = _chain.GetCertificate(at)
            ?? throw NotFound(at == 0 ? "no block is committed yet (height 0)" : $"no committed block at height {at}; the head is at height {head}");
        return ApiViewMapper.Commit(certificate, _chain.Head.GetValidatorSet(at));
    }

    private ValidatorSetView GetValidators(ulong? height)
    {
        var head = _chain.Head;
        var at = height ?? head.Height + 1;
        var set = head.GetValidatorSet(at) ?? throw NotFound($"the validator set of height {at} is not known; heights 1 to {head.Height + 2} are");
        return ApiViewMapper.Validators(at, set);
    }

    private async ValueTask<SubmitResultView> SubmitAsync(SubmitParams p, RpcContext context)
    {
        if (_submitter is null)
        {
            throw new RpcException(RpcErrorCodes.ReadOnly, RpcErrorReasons.ReadOnly, "this is a read-only audit node; send transactions to a validator or full node");
        }

        SignedTransaction transaction;
        try
        {
            transaction = SignedTransaction.FromBytes(Hex.Decode(p.Tx));
        }
        catch (CodecException e)
        {
            throw Rejected(ErrorCodes.MalformedTransaction, $"the bytes are not a signed transaction: {e.Message}");
        }

        var hash = transaction.Hash;
        var hashText = ApiViewMapper.HashText(hash);
        var wait = p.Wait == true;
        Task<TransactionWaitResult>? completion = null;
        if (wait && !_waiters.TryRegister(hash, out completion))
        {
            throw new RpcException(ApiErrors.TooManyWaiters, ApiErrors.TooManyWaitersReason, $"the node already waits on {_waiters.Capacity} transactions; submit without wait and poll tx_get, or retry later");
        }

        try
        {
            var admission = _submitter.Submit(transaction);
            if (!admission.Accepted)
            {
                var code = admission.Outcome.Code!;
                if (code == ErrorCodes.NonceTooLow && _chain.Store.FindTransaction(hash) is { } location)
                {
                    return Committed(hashText, location.Height, location.Index);
                }

                if (!(wait && code == ErrorCodes.Duplicate))
                {
                    throw Rejected(code, admission.Outcome.Message!);
                }
            }

            if (!wait)
            {
                return new SubmitResultView(hashText, "pending", null, null, null, null, null);
            }

            if (_chain.Store.FindTransaction(hash) is { } already)
            {
                return Committed(hashText, already.Height, already.Index);
            }

            var timeout = p.TimeoutMs is { } ms ? TimeSpan.FromMilliseconds(Math.Min(ms, _maxWait.TotalMilliseconds)) : _maxWait;
            try
            {
                var result = await completion!.WaitAsync(timeout, context.CancellationToken).ConfigureAwait(false);
                if (!result.Committed)
                {
                    throw new RpcException(ApiErrors.TransactionDropped, ApiErrors.TransactionDroppedReason, $"transaction {hashText} was dropped from the mempool before it committed: {result.Dropped}", new JsonObject { ["hash"] = hashText, ["code"] = result.Dropped!.Value.Code });
                }

                return new SubmitResultView(hashText, "committed", result.Height, result.Index, result.Receipt!.Success, result.Receipt.Success ? null : result.Receipt.Code, result.Receipt.Success ? null : result.Receipt.Message);
            }
            catch (TimeoutException)
            {
                throw new RpcException(ApiErrors.CommitTimeout, ApiErrors.CommitTimeoutReason, $"transaction {hashText} is pending but did not commit within {timeout.TotalMilliseconds:0} ms; it may still commit: poll tx_get", new JsonObject { ["hash"] = hashText });
            }
        }
        finally
        {
            if (wait)
            {
                _waiters.Release(hash);
            }
        }
    }

    private SubmitResultView Committed(string hash, ulong height, int index)
    {
        var receipt = _chain.Store.GetReceipts(height)?[index];
        return new SubmitResultView(hash, "committed", height, index, receipt?.Success, receipt is { Success: false } ? receipt.Code : null, receipt is { Success: false } ? receipt.Message : null);
    }

    private static RpcException Rejected(string code, string message) =>
        new(ApiErrors.TransactionRejected, ApiErrors.TransactionRejectedReason, message, new JsonObject { ["code"] = code });

    private TransactionView GetTransaction(string hashText)
    {
        var hash = Hash256.Parse(hashText);
        if (_chain.Store.FindTransaction(hash) is { } location && _chain.Store.GetBlock(location.Height) is { } block)
        {
            var receipt = _chain.Store.GetReceipts(location.Height)?[location.Index];
            return ApiViewMapper.Transaction(block.Transactions[location.Index], _names, "committed", block, location.Index, receipt, withProof: true);
        }

        if (_chain.Mempool.Contains(hash))
        {
            throw NotFound($"transaction {hashText} is pending in this node's mempool; it has not committed yet");
        }

        throw NotFound($"no committed or pending transaction has hash {hashText}");
    }

    private AccountView GetAccount(AccountParams p)
    {
        var address = ParseAddress(p.Address, "address");
        var height = p.Height ?? _chain.Height;
        var state = _chain.Store.GetState(height) ?? throw StateUnavailable(height);
        return ApiViewMapper.Account(address, height, AccountState.Get(state, address));
    }

    private StateProofView GetProof(ProofParams p)
    {
        if ((p.Key is null) == (p.Address is null))
        {
            throw RpcException.InvalidParams(p.Key is null ? "key" : "address", "give exactly one of key and address");
        }

        var key = p.Key is not null ? Hash256.Parse(p.Key) : AccountState.Key(ParseAddress(p.Address!, "address"));
        var height = p.Height ?? _chain.Height;
        var proven = _chain.Store.GetWithProof(height, key) ?? throw StateUnavailable(height);
        return ApiViewMapper.Proof(proven);
    }

    private RpcException StateUnavailable(ulong height) => new(
        ApiErrors.StateUnavailable,
        ApiErrors.StateUnavailableReason,
        height > _chain.Height
            ? $"height {height} is not committed yet; the head is at height {_chain.Height}"
            : $"the state of height {height} is pruned; this node keeps heights {_chain.Store.OldestStateVersion} to {_chain.Height}");

    private static Address ParseAddress(string text, string param) =>
        Address.TryParse(text, out var address) ? address : throw RpcException.InvalidParams(param, "is not an address (0x and 40 hex digits)");
}
