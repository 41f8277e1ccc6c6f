using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Storage;

namespace DaiChain.Ledger.Audit;

/// <summary>
/// Verifies a chain from genesis, one height at a time, trusting nothing but <see cref="TrustedGenesis"/>: every
/// header's link to the one before, every transaction root, every commit certificate against the validator set of its
/// height (following set changes at H+2), and — with <see cref="AuditOptions.ReExecute"/> — every block re-executed
/// on the auditor's own copy of the state, comparing state roots, receipts, validator sets and what the node stored.
/// </summary>
/// <remarks>
/// <para>Block H counts as verified only once a certificate commits it (the last commit of block H+1, or the source's
/// stored certificate of its head), so <see cref="VerifiedHeight"/> never includes an uncommitted block.</para>
/// <para>The replay chain lives in a store the caller gives (memory, or a scratch RocksDB); an auditor constructed on
/// a replay store that already holds blocks resumes after them. The first discrepancy stops the audit:
/// re-execution cannot continue past a block it could not apply.</para>
/// <para>Deterministic: no clock, no unordered iteration; the same source gives the same report.</para>
/// </remarks>
public sealed class ChainAuditor
{
    private readonly TrustedGenesis _genesis;
    private readonly AuditOptions _options;
    private readonly IKeyValueStore? _replayStore;
    private readonly ChainStore? _replay;
    private readonly BlockExecutor? _executor;
    private readonly List<ValidatorSetChange> _changes = [];
    private readonly List<AuditCheckpoint> _checkpoints = [];
    private readonly ulong _fromHeight;
    private ValidatorSet _set;
    private BlockHeader? _lastHeader;
    private Hash256 _lastStateRoot;
    private Block? _ahead;
    private bool _genesisStateChecked;
    private ulong _blocks;
    private ulong _transactions;
    private ulong _certificates;
    private ulong _signatures;

    /// <param name="genesis">The auditor's root of trust.</param>
    /// <param name="rules">The transaction kinds the chain executes (only used with <see cref="AuditOptions.ReExecute"/>).</param>
    /// <param name="options">What to check.</param>
    /// <param name="replayStore">
    /// With re-execution, the store of the auditor's own chain (opened with <see cref="ChainColumns.All"/>); an empty one
    /// starts from genesis, one holding blocks resumes after them.
    /// </param>
    public ChainAuditor(TrustedGenesis genesis, ChainRules rules, AuditOptions options, IKeyValueStore? replayStore = null)
    {
        _genesis = genesis;
        _options = options;
        _set = genesis.Validators;
        _changes.Add(new ValidatorSetChange(1, genesis.Validators.Hash, genesis.Validators.Count, genesis.Validators.TotalPower));
        if (!options.ReExecute)
        {
            _fromHeight = 1;
            return;
        }

        ArgumentNullException.ThrowIfNull(replayStore);
        _replayStore = replayStore;
        _replay = new ChainStore(replayStore, rules, options.ReplayStore);
        _executor = new BlockExecutor(rules, new SenderCache(), options.MaxParallelism);
        if (!_replay.IsInitialized)
        {
            _replay.InitializeGenesis(genesis.Document);
        }
        else if (_replay.Meta.GenesisHash != genesis.GenesisHash)
        {
            throw new ArgumentException($"the replay store holds chain '{_replay.Meta.ChainId}' of genesis {_replay.Meta.GenesisHash}, not genesis {genesis.GenesisHash}", nameof(replayStore));
        }

        VerifiedHeight = _replay.Height;
        _fromHeight = VerifiedHeight + 1;
        _lastHeader = _replay.Head.LastHeader;
        _lastStateRoot = _replay.Head.StateRoot.Hash;
        _set = _replay.GetValidatorSet(VerifiedHeight + 1)!;
        _genesisStateChecked = VerifiedHeight > 0;
    }

    /// <summary>Every height up to this one is verified.</summary>
    public ulong VerifiedHeight { get; private set; }

    /// <summary>The header of <see cref="VerifiedHeight"/>; null at 0.</summary>
    public BlockHeader? LastHeader => _lastHeader;

    /// <summary>The state root after <see cref="VerifiedHeight"/> (the genesis state root at 0 with re-execution, else zero).</summary>
    public Hash256 LastStateRoot => _lastStateRoot;

    /// <summary>The first failed check; once set, <see cref="Step"/> returns <see cref="AuditStep.Failed"/>.</summary>
    public Discrepancy? Failure { get; private set; }

    public ulong TransactionsVerified => _transactions;

    /// <summary>
    /// Checks what a node's database says it was created for against the trusted genesis; a mismatch is recorded as
    /// the failure at height 0.
    /// </summary>
    public bool CheckSourceGenesis(string chainId, Hash256 genesisHash)
    {
        if (chainId == _genesis.ChainId && genesisHash == _genesis.GenesisHash)
        {
            return true;
        }

        Failure ??= new Discrepancy(0, AuditCodes.GenesisMismatch, "genesis", $"the data is for chain '{chainId}' with genesis {genesisHash}; the trusted genesis.json is chain '{_genesis.ChainId}' with genesis {_genesis.GenesisHash}");
        return false;
    }

    /// <summary>Verifies height <see cref="VerifiedHeight"/> + 1 if the source holds it and the certificate that commits it.</summary>
    public AuditStep Step(IBlockSource source)
    {
        if (Failure is not null)
        {
            return AuditStep.Failed;
        }

        var height = VerifiedHeight + 1;
        try
        {
            return StepAt(source, height);
        }
        catch (FormatException e)
        {
            return Fail(height, AuditCodes.BlockUndecodable, "stored data", $"the source's data for height {height} is not canonical: {e.Message}");
        }
        catch (StorageException e)
        {
            return Fail(height, AuditCodes.SourceUnreadable, "storage", $"reading height {height} from {source.Description} failed: {e.Message}");
        }
        catch (IOException e)
        {
            return Fail(height, AuditCodes.SourceUnreadable, "source", $"reading height {height} from {source.Description} failed: {e.Message}");
        }
    }

    /// <summary>
    /// Verifies from <see cref="VerifiedHeight"/> + 1 up to <paramref name="targetHeight"/> (default: the source's newest
    /// height), then — when it reached the source's head with stored-state comparison on — compares the node's latest
    /// state with the replay's.
    /// </summary>
    public AuditReport Run(IBlockSource source, ulong? targetHeight = null, Action<AuditProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ulong sourceHeight;
        try
        {
            sourceHeight = source.Height;
        }
        catch (StorageException e)
        {
            Fail(VerifiedHeight + 1, AuditCodes.SourceUnreadable, "storage", $"reading the head of {source.Description} failed: {e.Message}");
            return Report(source, 0, null);
        }

        var target = Math.Min(targetHeight ?? ulong.MaxValue, sourceHeight);
        string? note = null;
        while (Failure is null && VerifiedHeight < target)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = Step(source);
            if (step == AuditStep.Waiting)
            {
                note = $"block {VerifiedHeight + 1} is the newest the source holds and no commit certificate for it is available yet; verified through {VerifiedHeight}";
                break;
            }

            if (step == AuditStep.Verified && progress is not null && (VerifiedHeight % Math.Max(_options.ProgressInterval, 1) == 0 || VerifiedHeight == target))
            {
                progress(new AuditProgress(VerifiedHeight, target, _transactions));
            }
        }

        if (Failure is null && _options.ReExecute && _options.CompareStoredState && source is IStoredState stored && targetHeight is null)
        {
            CompareLatestState(stored, sourceHeight);
        }

        return Report(source, sourceHeight, note);
    }

    private AuditStep StepAt(IBlockSource source, ulong height)
    {
        // Read once: a remote source answers it with a round trip.
        var head = source.Height;
        if (height > head)
        {
            return AuditStep.Waiting;
        }

        if (!_genesisStateChecked && _options.ReExecute && _options.CompareStoredState && source is IStoredState genesisState)
        {
            _genesisStateChecked = true;
            var genesisRoot = genesisState.GetStateRoot(0);
            var expected = Canonical.Encode(_replay!.GetStateRoot(0)!.Value);
            if (genesisRoot is not null && !genesisRoot.AsSpan().SequenceEqual(expected))
            {
                return Fail(0, AuditCodes.StoredRootMismatch, "genesis state root", "the node's stored genesis state root differs from the genesis state built from genesis.json");
            }
        }

        var block = _ahead is { } ahead && ahead.Height == height ? ahead : source.GetBlock(height);
        _ahead = null;
        if (block is null)
        {
            return Fail(height, AuditCodes.BlockMissing, "block", $"{source.Description} reports height {head} but holds no block {height}");
        }

        var check = CheckHeader(block, height);
        if (check is not null)
        {
            return check.Value;
        }

        // The certificate that commits this block: in the next block, or kept aside by the source for its head.
        Block? next;
        try
        {
            next = height < head ? source.GetBlock(height + 1) : null;
        }
        catch (CodecException e)
        {
            return Fail(height + 1, AuditCodes.BlockUndecodable, "block", $"block {height + 1} does not decode: {e.Message}");
        }

        var certificate = next?.LastCommit ?? source.GetCertificate(height);
        if (certificate is null)
        {
            if (next is null && height < head)
            {
                return Fail(height + 1, AuditCodes.BlockMissing, "block", $"{source.Description} reports height {head} but holds no block {height + 1}");
            }

            if (next is not null)
            {
                return Fail(height, AuditCodes.CertificateMissing, "commit certificate", $"block {height + 1} carries no last commit and the source has no certificate for block {height}");
            }

            _ahead = block;
            return AuditStep.Waiting;
        }

        if (next is not null && next.LastCommit is { } carried && carried.Hash != next.Header.LastCommitHash)
        {
            return Fail(height + 1, "block_bad_last_commit", "block", $"block {height + 1}'s last commit (the certificate of block {height}) does not match its header's last commit hash");
        }

        _ahead = next;
        check = CheckCertificate(block, certificate, next is null ? "commit certificate" : $"commit certificate (in block {height + 1})");
        if (check is not null)
        {
            return check.Value;
        }

        return _options.ReExecute ? Execute(source, block) : Accept(source, block);
    }

    private AuditStep? CheckHeader(Block block, ulong height)
    {
        var header = block.Header;
        if (header.Height != height)
        {
            return Fail(height, AuditCodes.WrongHeight, "header", $"the block stored at height {height} says it is block {header.Height}");
        }

        if (!string.Equals(header.ChainId, _genesis.ChainId, StringComparison.Ordinal))
        {
            return Fail(height, AuditCodes.WrongChain, "header", $"block {height} is for chain '{header.ChainId}', genesis.json is chain '{_genesis.ChainId}'");
        }

        if (_lastHeader is { } last)
        {
            var lastHash = last.Hash();
            if (header.PreviousBlockHash != lastHash)
            {
                return Fail(height, AuditCodes.BrokenLink, "header", $"block {height} says the previous block is {header.PreviousBlockHash}, but block {height - 1} hashes to {lastHash}");
            }

            if (header.TimeMs <= last.TimeMs)
            {
                return Fail(height, AuditCodes.TimeNotIncreasing, "header", $"block {height}'s time {header.TimeMs} is not after block {height - 1}'s {last.TimeMs}");
            }
        }
        else if (header.TimeMs < _genesis.GenesisTimeMs)
        {
            return Fail(height, AuditCodes.TimeNotIncreasing, "header", $"block {height}'s time {header.TimeMs} is before genesis time {_genesis.GenesisTimeMs}");
        }

        var structure = block.VerifyStructure();
        if (!structure.IsSuccess)
        {
            return Fail(height, structure.Code!, "block", structure.Message!);
        }

        if (header.ValidatorsHash != _set.Hash)
        {
            return Fail(height, AuditCodes.WrongValidators, "header", $"block {height}'s validators hash {header.ValidatorsHash} is not the hash of the verified set of height {height} ({_set.Hash})");
        }

        return _set.Contains(header.ProposerAddress)
            ? null
            : Fail(height, AuditCodes.ProposerNotValidator, "header", $"block {height}'s proposer {header.ProposerAddress} is not a validator of height {height}");
    }

    private AuditStep? CheckCertificate(Block block, CommitCertificate certificate, string subject)
    {
        var height = block.Height;
        if (certificate.Height != height || certificate.BlockHash != block.Hash)
        {
            return Fail(height, AuditCodes.CertificateWrongBlock, subject, $"the certificate that should commit block {height} ({block.Hash}) commits block {certificate.Height} {certificate.BlockHash}");
        }

        var verified = certificate.Verify(_genesis.ChainId, _set);
        if (!verified.IsSuccess)
        {
            return Fail(height, verified.Code!, subject, $"the commit certificate of block {height} is invalid: {verified.Message}");
        }

        _certificates++;
        _signatures += (ulong)certificate.Signatures.Count;
        return null;
    }

    /// <summary>Without re-execution: takes the next set from the source, bound by the certified header's hash.</summary>
    private AuditStep Accept(IBlockSource source, Block block)
    {
        var height = block.Height;
        var next = source.GetValidatorSet(height + 1);
        if (next is null)
        {
            return Fail(height, AuditCodes.ValidatorSetUnavailable, "validator set", $"{source.Description} has no validator set for height {height + 1}");
        }

        if (next.Hash != block.Header.NextValidatorsHash)
        {
            return Fail(height, AuditCodes.StoredValidatorSetMismatch, "validator set", $"the source's validator set of height {height + 1} hashes to {next.Hash}, but the certified block {height} commits to {block.Header.NextValidatorsHash}");
        }

        if (source.GetReceipts(height) is { } receipts)
        {
            var root = MerkleList.Root([.. receipts.Select(r => r.Hash)]);
            if (root != block.Header.ReceiptsRoot)
            {
                return Fail(height, AuditCodes.ReceiptsRootMismatch, "receipts", $"the stored receipts of block {height} hash to root {root}, the certified header says {block.Header.ReceiptsRoot}");
            }
        }

        return Advance(block, next, block.Header.StateRoot);
    }

    private AuditStep Execute(IBlockSource source, Block block)
    {
        var height = block.Height;
        var head = _replay!.Head;
        var next = head.GetValidatorSet(height + 1)!;
        if (block.Header.NextValidatorsHash != next.Hash)
        {
            return Fail(height, AuditCodes.WrongNextValidators, "header", $"block {height} commits to next validators {block.Header.NextValidatorsHash}, but re-execution gives set {next.Hash} for height {height + 1}");
        }

        var claimed = source.GetValidatorSet(height + 1);
        if (claimed is not null && claimed.Hash != next.Hash)
        {
            return Fail(height, AuditCodes.StoredValidatorSetMismatch, "validator set", $"the stored validator set of height {height + 1} hashes to {claimed.Hash}, re-execution gives {next.Hash}");
        }

        var outcome = _executor!.TryExecute(head, block, out var result);
        if (!outcome.IsSuccess)
        {
            return Fail(height, outcome.Code!, "execution", $"re-executing block {height}: {outcome.Message}");
        }

        var stored = source as IStoredState;
        var receipts = source.GetReceipts(height);
        if (receipts is null && stored is not null)
        {
            return Fail(height, AuditCodes.ReceiptsUnavailable, "receipts", $"{source.Description} stored no receipts for block {height}");
        }

        if (receipts is not null && StoredStateComparer.CompareReceipts(height, receipts, result!.Receipts) is { } receiptProblem)
        {
            return Fail(receiptProblem);
        }

        if (stored is not null && _options.CompareStoredState && StoredStateComparer.CompareBlock(stored, block, result!) is { } storedProblem)
        {
            return Fail(storedProblem);
        }

        _replay.Commit(block, result!);
        return Advance(block, next, result!.StateRoot);
    }

    private AuditStep Advance(Block block, ValidatorSet next, Hash256 stateRoot)
    {
        var height = block.Height;
        if (next.Hash != _set.Hash)
        {
            _changes.Add(new ValidatorSetChange(height + 1, next.Hash, next.Count, next.TotalPower));
        }

        _set = next;
        _lastHeader = block.Header;
        _lastStateRoot = stateRoot;
        VerifiedHeight = height;
        _blocks++;
        _transactions += (ulong)block.Transactions.Count;
        if (_options.CheckpointInterval > 0 && height % _options.CheckpointInterval == 0)
        {
            _checkpoints.Add(new AuditCheckpoint(height, block.Hash, stateRoot, block.Header.TimeMs));
        }

        return AuditStep.Verified;
    }

    private void CompareLatestState(IStoredState stored, ulong sourceHeight)
    {
        // The node's latest state is that of its head; it can only be compared once the replay reached that head.
        if (VerifiedHeight != sourceHeight)
        {
            return;
        }

        try
        {
            if (StoredStateComparer.CompareLatest(VerifiedHeight, stored, _replayStore!) is { } problem)
            {
                Fail(problem);
            }
        }
        catch (StorageException e)
        {
            Fail(VerifiedHeight, AuditCodes.SourceUnreadable, "storage", $"reading the node's latest state failed: {e.Message}");
        }
    }

    private AuditReport Report(IBlockSource source, ulong sourceHeight, string? note) => new()
    {
        ChainId = _genesis.ChainId,
        GenesisHash = _genesis.GenesisHash,
        Source = source.Description,
        ReExecuted = _options.ReExecute,
        StoredStateCompared = _options.ReExecute && _options.CompareStoredState && source is IStoredState,
        FromHeight = _fromHeight,
        VerifiedHeight = VerifiedHeight,
        SourceHeight = sourceHeight,
        Head = _lastHeader is { } last ? new AuditCheckpoint(last.Height, last.Hash(), _lastStateRoot, last.TimeMs) : AuditReport.None,
        Blocks = _blocks,
        Transactions = _transactions,
        Certificates = _certificates,
        CommitSignatures = _signatures,
        ValidatorSetChanges = [.. _changes],
        Checkpoints = [.. _checkpoints],
        Failure = Failure,
        Note = Failure is null ? note : null,
    };

    private AuditStep Fail(ulong height, string code, string subject, string message) => Fail(new Discrepancy(height, code, subject, message));

    private AuditStep Fail(Discrepancy discrepancy)
    {
        Failure ??= discrepancy;
        return AuditStep.Failed;
    }
}
