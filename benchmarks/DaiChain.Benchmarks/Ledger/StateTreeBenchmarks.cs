using BenchmarkDotNet.Attributes;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;

namespace DaiChain.Benchmarks.Ledger;

/// <summary>
/// The state tree over an in-memory node store holding 1,000,000 keys: a block's worth of updates and its root
/// (20,000 changed keys, as 10,000 transfers change), proof generation and proof verification.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class StateTreeBenchmarks
{
    private const int ExistingKeys = 1_000_000;
    private const int ProofsPerOp = 1_000;

    private MemoryTreeNodeStore _store = null!;
    private TreeRoot _root;
    private TreeUpdate[] _block = [];
    private Hash256[] _proofKeys = [];
    private StateProof[] _proofs = [];
    private Hash256[] _proofValues = [];

    [Params(2_000, 20_000)]
    public int ChangedKeys { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var keys = new Hash256[ExistingKeys];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = Next(random);
        }

        _store = new MemoryTreeNodeStore();
        var tree = new StateTree(_store);
        var initial = keys.Select(k => new TreeUpdate(k, Next(random))).OrderBy(u => u.KeyHash).ToArray();
        var batch = tree.Update(TreeRoot.Empty, 1, initial);
        _store.Apply(batch);
        _root = batch.Root;

        // Half the block changes existing keys, half inserts new ones.
        _block = [.. keys.Take(ChangedKeys / 2).Select(k => new TreeUpdate(k, Next(random)))
            .Concat(Enumerable.Range(0, ChangedKeys / 2).Select(_ => new TreeUpdate(Next(random), Next(random))))
            .DistinctBy(u => u.KeyHash).OrderBy(u => u.KeyHash)];
        _proofKeys = [.. keys.Skip(ExistingKeys / 2).Take(ProofsPerOp)];
        _proofs = [.. _proofKeys.Select(k => tree.Prove(_root, k))];
        _proofValues = [.. _proofs.Select(p => p.Leaf!.Value.ValueHash)];
    }

    [Benchmark(Description = "apply a block's updates and compute the root")]
    public Hash256 UpdateAndRoot() => new StateTree(_store).Update(_root, 2, _block).Root.Hash;

    [Benchmark(Description = "generate 1,000 proofs", OperationsPerInvoke = ProofsPerOp)]
    public int Prove()
    {
        var tree = new StateTree(_store);
        var total = 0;
        foreach (var key in _proofKeys)
        {
            total += tree.Prove(_root, key).Siblings.Count;
        }

        return total;
    }

    [Benchmark(Description = "verify 1,000 proofs", OperationsPerInvoke = ProofsPerOp)]
    public int Verify()
    {
        var valid = 0;
        for (var i = 0; i < _proofs.Length; i++)
        {
            valid += _proofs[i].VerifyInclusion(_root.Hash, _proofKeys[i], _proofValues[i]) ? 1 : 0;
        }

        return valid;
    }

    private static Hash256 Next(Random random)
    {
        Span<byte> bytes = stackalloc byte[32];
        random.NextBytes(bytes);
        return new Hash256(bytes);
    }
}
