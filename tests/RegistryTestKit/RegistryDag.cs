using DaiChain.Ledger.Primitives;

namespace DaiChain.RegistryTestKit;

/// <summary>
/// A seeded lineage DAG of one model's versions committed through real transactions: version i (semver
/// <c>0.i.0</c>) derives from version i-1 (so the DAG is deep) and from up to two earlier versions picked by the seed.
/// <see cref="Parents"/> is the ground truth tests compare query answers with.
/// </summary>
public sealed class RegistryDag
{
    private RegistryDag(Hash256 model, Hash256[] versions, List<Hash256>[] parents)
    {
        Model = model;
        Versions = versions;
        Parents = parents;
    }

    public Hash256 Model { get; }

    /// <summary>Version ids by index.</summary>
    public IReadOnlyList<Hash256> Versions { get; }

    /// <summary>Parent indexes by version index.</summary>
    public IReadOnlyList<List<Hash256>> Parents { get; }

    public static RegistryDag Build(RegistryChain chain, int count, int seed, int perBlock = 250)
    {
        var random = new Random(seed);
        var model = Samples.ModelId(Actors.Alice.Address, "dag");
        chain.Commit(chain.Tx(Actors.Alice, Samples.Model("dag")));
        var versions = new Hash256[count];
        var parents = new List<Hash256>[count];
        var pending = new List<Ledger.Transactions.SignedTransaction>();
        for (var i = 0; i < count; i++)
        {
            var semver = $"0.{i}.0";
            versions[i] = Samples.VersionId(model, semver);
            var chosen = new List<Hash256>();
            if (i > 0)
            {
                chosen.Add(versions[i - 1]);
                for (var extra = random.Next(0, 3); extra > 0; extra--)
                {
                    var pick = versions[random.Next(0, i)];
                    if (!chosen.Contains(pick))
                    {
                        chosen.Add(pick);
                    }
                }
            }

            parents[i] = chosen;
            pending.Add(chain.Tx(Actors.Alice, Samples.Version(model, semver, [.. chosen])));
            if (pending.Count == perBlock || i == count - 1)
            {
                chain.Commit([.. pending]);
                pending.Clear();
            }
        }

        return new RegistryDag(model, versions, parents);
    }

    /// <summary>Ancestors of version <paramref name="index"/> within <paramref name="depth"/> generations, by breadth-first search over the truth.</summary>
    public Dictionary<Hash256, int> AncestorsOf(int index, int depth)
    {
        var indexOf = Versions.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);
        var result = new Dictionary<Hash256, int>();
        var frontier = new List<int> { index };
        for (var generation = 1; generation <= depth && frontier.Count > 0; generation++)
        {
            var next = new List<int>();
            foreach (var node in frontier)
            {
                foreach (var parent in Parents[node])
                {
                    if (parent != Versions[index] && result.TryAdd(parent, generation))
                    {
                        next.Add(indexOf[parent]);
                    }
                }
            }

            frontier = next;
        }

        return result;
    }

    /// <summary>Descendants of version <paramref name="index"/> within <paramref name="depth"/> generations.</summary>
    public Dictionary<Hash256, int> DescendantsOf(int index, int depth)
    {
        var children = new List<int>[Versions.Count];
        for (var i = 0; i < Versions.Count; i++)
        {
            children[i] = [];
        }

        var indexOf = Versions.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);
        for (var i = 0; i < Versions.Count; i++)
        {
            foreach (var parent in Parents[i])
            {
                children[indexOf[parent]].Add(i);
            }
        }

        var result = new Dictionary<Hash256, int>();
        var frontier = new List<int> { index };
        for (var generation = 1; generation <= depth && frontier.Count > 0; generation++)
        {
            var next = new List<int>();
            foreach (var node in frontier)
            {
                foreach (var child in children[node])
                {
                    if (result.TryAdd(Versions[child], generation))
                    {
                        next.Add(child);
                    }
                }
            }

            frontier = next;
        }

        return result;
    }
}
