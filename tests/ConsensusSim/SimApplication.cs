using DaiChain.Consensus.Engine;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ConsensusSim;

/// <summary>
/// A deterministic replicated application for the simulation: it builds and checks <see cref="SimBlock"/>s, commits
/// them, and evolves the validator set the way staking does — a validator with committed evidence against it is
/// jailed (removed) and scheduled power changes apply, both taking effect two heights after the block (H + 2).
/// </summary>
/// <remarks>
/// Committed state survives a simulated crash of its node (it stands for the durable block store). Any block it
/// is asked to commit is checked again, as execution would: a failure there is a validity violation.
/// </remarks>
public sealed class SimApplication : IConsensusApplication, ISimChain
{
    private readonly string _chainId;
    private readonly ISignatureVerifier _verifier;
    private readonly Dictionary<ulong, ValidatorSet> _sets = [];
    private readonly List<(byte[] Block, SimBlock Decoded, Hash256 Hash, CommitCertificate Certificate)> _chain = [];
    private readonly HashSet<(Address, ulong)> _punished = [];
    private readonly IReadOnlyDictionary<ulong, IReadOnlyList<(Address Validator, ulong Power)>> _powerChanges;
    private readonly List<string> _violations = [];

    public SimApplication(string chainId, ValidatorSet genesis, long genesisTimeMs, ISignatureVerifier verifier, IReadOnlyDictionary<ulong, IReadOnlyList<(Address Validator, ulong Power)>>? powerChanges = null)
    {
        _chainId = chainId;
        _verifier = verifier;
        _sets[1] = genesis;
        _sets[2] = genesis;
        GenesisTimeMs = genesisTimeMs;
        _powerChanges = powerChanges ?? new Dictionary<ulong, IReadOnlyList<(Address, ulong)>>();
    }

    public long GenesisTimeMs { get; }

    public ulong LastCommittedHeight => (ulong)_chain.Count;

    public long LastBlockTimeMs => _chain.Count == 0 ? GenesisTimeMs : _chain[^1].Decoded.TimeMs;

    public Hash256 LastBlockHash => _chain.Count == 0 ? Hash256.Zero : _chain[^1].Hash;

    public IConsensusApplication Port => this;

    public IReadOnlyList<Hash256> CommittedHashes => [.. _chain.Select(c => c.Hash)];

    public int CommittedEvidence => _chain.Sum(c => c.Decoded.Evidence.Count);

    public int CommittedTransactions => 0;

    public IReadOnlyList<string> ValidityViolations => _violations;

    /// <summary>When set, the commit of this height crashes the node right after it became durable.</summary>
    public ulong? CrashAfterCommitOf { get; set; }

    public ValidatorSet? ValidatorsAt(ulong height) => _sets.GetValueOrDefault(height);

    public BuiltBlock BuildProposal(BlockRequest request)
    {
        var payload = Hash256.Compute(Canonical.Encode(new SimBlock(request.Height, request.Round, request.TimeMs, LastBlockHash, request.Proposer, [], [], null))).ToArray();
        var evidence = new List<DuplicateVoteEvidence>();
        foreach (var item in request.Evidence)
        {
            if (CheckEvidence(item, request.Height, evidence) is null)
            {
                evidence.Add(item);
            }
        }

        var block = new SimBlock(request.Height, request.Round, request.TimeMs, LastBlockHash, request.Proposer, payload, evidence, _chain.Count == 0 ? null : _chain[^1].Certificate);
        var bytes = Canonical.Encode(block);
        return new BuiltBlock(bytes, Hash256.Compute(bytes), block.TimeMs);
    }

    public BlockVerdict ValidateBlock(ulong height, byte[] block)
    {
        SimBlock decoded;
        try
        {
            decoded = Canonical.Decode<SimBlock>(block);
        }
        catch (CodecException e)
        {
            return BlockVerdict.Undecodable(e.Message);
        }

        var problem = Check(height, decoded);
        return new BlockVerdict(Hash256.Compute(block), decoded.TimeMs, problem is null, problem);
    }

    public CommitOutcome Commit(ulong height, byte[] block, CommitCertificate certificate)
    {
        var decoded = Canonical.Decode<SimBlock>(block);
        var hash = Hash256.Compute(block);
        if (Check(height, decoded) is { } problem)
        {
            _violations.Add($"height {height}: {problem}");
        }

        if (certificate.Height != height || certificate.BlockHash != hash || CheckCertificate(certificate, _sets[height]) is { } bad)
        {
            _violations.Add($"height {height}: certificate does not commit this block");
        }

        _chain.Add((block, decoded, hash, certificate));
        foreach (var evidence in decoded.Evidence)
        {
            _punished.Add(Key(evidence));
        }

        _sets[height + 2] = NextSet(height, _sets[height + 1], decoded.Evidence);
        if (CrashAfterCommitOf == height)
        {
            CrashAfterCommitOf = null;
            throw new SimulatedCrashException($"crash right after committing height {height}");
        }

        return new CommitOutcome(decoded.Evidence);
    }

    public CommittedBlock? LoadCommitted(ulong height) =>
        height >= 1 && height <= (ulong)_chain.Count ? new CommittedBlock(_chain[(int)height - 1].Block, _chain[(int)height - 1].Certificate) : null;

    public bool HasCommittedEvidence(Address validator, ulong height) => _punished.Contains((validator, height));

    /// <summary>The same block linked to a made-up previous block: every honest check rejects it.</summary>
    public BuiltBlock Corrupt(BuiltBlock built)
    {
        var honest = Canonical.Decode<SimBlock>(built.Block);
        var broken = honest with { PreviousHash = Hash256.Compute([.. honest.PreviousHash.ToArray(), 0xBA, 0xD0]) };
        var bytes = Canonical.Encode(broken);
        return new BuiltBlock(bytes, Hash256.Compute(bytes), broken.TimeMs);
    }

    // Like the ledger (Slashing.ProcessedKey): a validator is punished at most once per height.
    private static (Address, ulong) Key(DuplicateVoteEvidence e) => (e.ValidatorAddress, e.Height);

    private string? Check(ulong height, SimBlock block)
    {
        if (height != LastCommittedHeight + 1 || block.Height != height)
        {
            return $"block for height {block.Height} offered at height {height} (committed {LastCommittedHeight})";
        }

        if (block.PreviousHash != LastBlockHash)
        {
            return "previous hash does not link to the last committed block";
        }

        if (block.TimeMs <= LastBlockTimeMs)
        {
            return $"block time {block.TimeMs} is not after the previous block's {LastBlockTimeMs}";
        }

        if (_sets[height].Find(block.Proposer) is null)
        {
            return "proposer is not a validator";
        }

        if (height == 1 ? block.LastCommit is not null : block.LastCommit is null)
        {
            return "last commit present at height 1 or missing after it";
        }

        if (block.LastCommit is { } last
            && (last.Height != height - 1 || last.BlockHash != LastBlockHash || CheckCertificate(last, _sets[height - 1]) is not null))
        {
            return "last commit does not certify the previous block";
        }

        var seen = new List<DuplicateVoteEvidence>();
        foreach (var evidence in block.Evidence)
        {
            if (CheckEvidence(evidence, height, seen) is { } problem)
            {
                return problem;
            }

            seen.Add(evidence);
        }

        return null;
    }

    private string? CheckCertificate(CommitCertificate certificate, ValidatorSet validators)
    {
        ulong power = 0;
        foreach (var entry in certificate.Signatures)
        {
            if (entry.ValidatorIndex >= validators.Count)
            {
                return "unknown signer";
            }

            var digest = VoteSignBytes.Digest(_chainId, VoteType.Precommit, certificate.Height, certificate.Round, certificate.BlockHash, entry.TimestampMs);
            if (!_verifier.Verify(digest, entry.Signature, validators[entry.ValidatorIndex].Address))
            {
                return "bad signature";
            }

            power += validators[entry.ValidatorIndex].Power;
        }

        return validators.IsQuorum(power) ? null : "not a quorum";
    }

    private string? CheckEvidence(DuplicateVoteEvidence evidence, ulong height, List<DuplicateVoteEvidence> alreadyInBlock)
    {
        if (evidence.Height > height || !_sets.TryGetValue(evidence.Height, out var validators)
            || !validators.TryGetIndex(evidence.ValidatorAddress, out var index) || evidence.VoteA.ValidatorIndex != index
            || !_verifier.Verify(evidence.VoteA.Digest(_chainId), evidence.VoteA.Signature, evidence.ValidatorAddress)
            || !_verifier.Verify(evidence.VoteB.Digest(_chainId), evidence.VoteB.Signature, evidence.ValidatorAddress))
        {
            return "invalid evidence";
        }

        var key = Key(evidence);
        return _punished.Contains(key) || alreadyInBlock.Any(e => Key(e) == key) ? "evidence already committed" : null;
    }

    // Staking: jail (remove) validators with evidence in block H and apply power changes scheduled at H; effective at H + 2.
    private ValidatorSet NextSet(ulong height, ValidatorSet current, IReadOnlyList<DuplicateVoteEvidence> evidence)
    {
        var validators = current.Validators.ToDictionary(v => v.Address);
        foreach (var item in evidence)
        {
            validators.Remove(item.ValidatorAddress);
        }

        if (_powerChanges.TryGetValue(height, out var changes))
        {
            foreach (var (address, power) in changes)
            {
                if (validators.TryGetValue(address, out var validator))
                {
                    validators[address] = new Validator(validator.PublicKey, power);
                }
            }
        }

        var remaining = validators.Values.Where(v => v.Power > 0).ToList();
        return remaining.Count == 0 ? current : ValidatorSet.Create(remaining);
    }
}
