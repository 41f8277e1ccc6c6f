using DaiChain.Consensus.Messages;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Signing;

/// <summary>
/// The double-sign guard between the engine and a validator key: signs proposals and votes only at a (height,
/// round, step) after the last one it signed, and persists that position durably <em>before</em> it releases
/// a signature.
/// </summary>
/// <remarks>
/// <para>
/// A request for the position last signed, for the same block (and valid round), gets the very signature
/// released before, with its original timestamp: after a crash the engine replays its log and asks again, and
/// must get an identical message, not a second one. A request for an earlier position, or for the same position
/// with a different block, is refused (<see cref="SignRefusedException"/>) — before and after a restart alike,
/// since the state is loaded from the store at construction.
/// </para>
/// <para>
/// The order is: compute the signature, save the new state (synced), then return. A crash before the save loses
/// a signature nobody saw; after it, the state already forbids any conflicting one.
/// </para>
/// </remarks>
public sealed class GuardedSigner
{
    private readonly ISigner _signer;
    private readonly ISignerStateStore _store;
    private readonly string _chainId;
    private readonly Lock _lock = new();

    public GuardedSigner(ISigner signer, ISignerStateStore store, string chainId)
    {
        _signer = signer;
        _store = store;
        _chainId = chainId;
        LastSigned = store.Load();
    }

    public Address Address => _signer.Address;

    public PublicKey PublicKey => _signer.PublicKey;

    /// <summary>The last position signed (as persisted), or null before the first signature.</summary>
    public SignerState? LastSigned { get; private set; }

    /// <summary>Signs a prevote or precommit.</summary>
    /// <exception cref="SignRefusedException">It would regress or conflict with what this key already signed.</exception>
    public Vote SignVote(VoteType type, ulong height, uint round, Hash256? blockHash, long timestampMs, int validatorIndex)
    {
        var step = type == VoteType.Prevote ? SignStep.Prevote : SignStep.Precommit;
        lock (_lock)
        {
            if (Check(height, round, step, blockHash, -1) is { } previous)
            {
                return new Vote(type, height, round, blockHash, previous.TimestampMs, _signer.Address, validatorIndex, previous.Signature);
            }

            var body = VoteSignBytes.Encode(type, height, round, blockHash, timestampMs);
            var signature = _signer.Sign(SigningDomain.Vote, _chainId, body);
            Persist(new SignerState(height, round, step, SignBytes.Digest(SigningDomain.Vote, _chainId, body), blockHash, -1, timestampMs, signature));
            return new Vote(type, height, round, blockHash, timestampMs, _signer.Address, validatorIndex, signature);
        }
    }

    /// <summary>Signs a proposal.</summary>
    /// <exception cref="SignRefusedException">It would regress or conflict with what this key already signed.</exception>
    public SignedProposal SignProposal(ulong height, uint round, int validRound, Hash256 blockHash, int proposerIndex)
    {
        lock (_lock)
        {
            if (Check(height, round, SignStep.Proposal, blockHash, validRound) is { } previous)
            {
                return new SignedProposal(height, round, validRound, blockHash, _signer.Address, proposerIndex, previous.Signature);
            }

            var body = ProposalSignBytes.Encode(height, round, validRound, blockHash);
            var signature = _signer.Sign(SigningDomain.Proposal, _chainId, body);
            Persist(new SignerState(height, round, SignStep.Proposal, SignBytes.Digest(SigningDomain.Proposal, _chainId, body), blockHash, validRound, 0, signature));
            return new SignedProposal(height, round, validRound, blockHash, _signer.Address, proposerIndex, signature);
        }
    }

    // Returns the previous state when the request repeats it exactly; null when a new signature is allowed; throws otherwise.
    private SignerState? Check(ulong height, uint round, SignStep step, Hash256? blockHash, int validRound)
    {
        if (LastSigned is not { } last)
        {
            return null;
        }

        var order = last.ComparePosition(height, round, step);
        if (order < 0)
        {
            return null;
        }

        if (order > 0)
        {
            throw new SignRefusedException($"refusing to sign {step} at height {height} round {round}: already signed {last.Step} at height {last.Height} round {last.Round}");
        }

        if (last.BlockHash == blockHash && last.ValidRound == validRound)
        {
            return last;
        }

        throw new SignRefusedException($"refusing to sign a second, different {step} at height {height} round {round} (double sign)");
    }

    private void Persist(SignerState state)
    {
        _store.Save(state);
        LastSigned = state;
    }
}
