using BenchmarkDotNet.Attributes;
using DaiChain.Consensus.Engine;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Benchmarks.Consensus;

/// <summary>
/// Verifying a commit certificate with the validator set alone: the ledger's <see cref="CommitCertificate.Verify"/>
/// (what an audit node does per block; its signatures are checked in parallel from 8 on), and the engine's
/// path (one recovery per signature through <see cref="ISignatureVerifier"/>, cold and with a warm cache).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
public class CommitCertificateBenchmarks
{
    private const string ChainId = "daichain-bench";

    private ValidatorSet _validators = null!;
    private CommitCertificate _certificate = null!;
    private (Hash256 Digest, RecoverableSignature Signature, Address Signer)[] _entries = [];
    private CachingSignatureVerifier _warm = null!;

    [Params(4, 7, 100)]
    public int Validators { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var keys = Enumerable.Range(0, Validators).Select(i => PrivateKey.FromSeed("benchmarks-certificate", i)).ToArray();
        _validators = ValidatorSet.Create(keys.Select(k => new Validator(k.PublicKey, 10)));
        var block = Hash256.Compute([1, 2, 3]);
        var precommits = keys.Select(k =>
        {
            var index = Array.FindIndex(_validators.Validators.ToArray(), v => v.Address == k.Address);
            return Vote.Sign(new InMemorySigner(k), ChainId, VoteType.Precommit, 42, 0, block, 1_000 + index, index);
        });
        _certificate = CommitCertificate.FromPrecommits(42, 0, block, precommits);
        _entries = [.. _certificate.Signatures.Select(s => (
            VoteSignBytes.Digest(ChainId, VoteType.Precommit, 42, 0, block, s.TimestampMs),
            s.Signature,
            _validators[s.ValidatorIndex].Address))];
        _warm = new CachingSignatureVerifier(Secp256k1SignatureVerifier.Instance);
        foreach (var (digest, signature, signer) in _entries)
        {
            _warm.Verify(digest, signature, signer);
        }
    }

    /// <summary>The ledger's check: quorum of power plus every signature (parallel from 8 signatures).</summary>
    [Benchmark(Baseline = true)]
    public bool Ledger_verify() => _certificate.Verify(ChainId, _validators).IsSuccess;

    /// <summary>One thread, one recovery per signature: what the engine pays for a commit it has not seen.</summary>
    [Benchmark]
    public bool Engine_verify_cold()
    {
        var all = true;
        foreach (var (digest, signature, signer) in _entries)
        {
            all &= Secp256k1SignatureVerifier.Instance.Verify(digest, signature, signer);
        }

        return all;
    }

    /// <summary>Every signature already verified once (gossip repeats, replay): a cache lookup each.</summary>
    [Benchmark]
    public bool Engine_verify_cached()
    {
        var all = true;
        foreach (var (digest, signature, signer) in _entries)
        {
            all &= _warm.Verify(digest, signature, signer);
        }

        return all;
    }
}
