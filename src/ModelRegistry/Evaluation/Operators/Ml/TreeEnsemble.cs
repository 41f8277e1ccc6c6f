using System.Globalization;
using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators.Ml;

/// <summary>The validated trees of a TreeEnsembleClassifier or TreeEnsembleRegressor, flattened into arrays.</summary>
/// <remarks>
/// <para>
/// Validation: all node attribute lists have the same length; node ids are unique within a tree; the nodes of
/// a tree are listed together and the first listed node is its root (as ONNX Runtime reads them); children
/// are nodes of the same tree; every node is reached once from its root (no
/// shared children, no cycle) and no path is longer than <see cref="EvaluationLimits.MaxTreeDepth"/>; weights sit on leaves and name a valid class or target.
/// </para>
/// <para>
/// Thresholds keep their declared precision: float thresholds (nodes_values) are widened to double exactly,
/// and inputs are widened exactly too, so a double comparison is the float32 comparison. Double thresholds
/// (nodes_values_as_tensor, opset 3) compare in double.
/// </para>
/// </remarks>
internal sealed class TreeEnsemble
{
    private const byte Leaf = 0;
    private const byte Leq = 1;
    private const byte Lt = 2;
    private const byte Gte = 3;
    private const byte Gt = 4;
    private const byte Eq = 5;
    private const byte Neq = 6;

    private int[] _feature = [];
    private double[] _threshold = [];
    private byte[] _mode = [];
    private int[] _true = [];
    private int[] _false = [];
    private bool[] _missingTrue = [];
    private Node[] _nodes = [];
    private bool _allLeq;
    private int[] _weightStart = [];
    private int[] _weightCount = [];
    private int[] _weightTarget = [];
    private double[] _weightValue = [];

    public int[] Roots { get; private set; } = [];

    /// <summary>Largest feature index any node reads.</summary>
    public int MaxFeature { get; private set; } = -1;

    /// <summary>Sum over trees of the longest root-to-leaf path: the comparisons one sample can cost.</summary>
    public long TotalDepth { get; private set; }

    /// <summary>True when every leaf weight is non-negative.</summary>
    public bool WeightsArePositive { get; private set; } = true;

    /// <summary>The distinct class or target ids that carry weights.</summary>
    public IReadOnlySet<int> WeightedTargets { get; private set; } = new HashSet<int>();

    /// <summary>Reads and validates the trees; <paramref name="prefix"/> is "class" or "target".</summary>
    public static TreeEnsemble Build(OnnxNode node, NodeAttributes a, string prefix, int targetCount, EvaluationLimits limits)
    {
        var v3 = node.OpsetVersion >= 3;
        var treeIds = a.Ints("nodes_treeids") ?? throw a.Invalid("nodes_treeids", "required but missing");
        var nodeIds = a.Ints("nodes_nodeids") ?? throw a.Invalid("nodes_nodeids", "required but missing");
        var featureIds = a.Ints("nodes_featureids") ?? throw a.Invalid("nodes_featureids", "required but missing");
        var modes = a.Strings("nodes_modes") ?? throw a.Invalid("nodes_modes", "required but missing");
        var trueIds = a.Ints("nodes_truenodeids") ?? throw a.Invalid("nodes_truenodeids", "required but missing");
        var falseIds = a.Ints("nodes_falsenodeids") ?? throw a.Invalid("nodes_falsenodeids", "required but missing");
        var missing = a.Ints("nodes_missing_value_tracks_true");
        var values = DoubleList(a, "nodes_values", v3);
        a.Ignore("nodes_hitrates", "nodes_hitrates_as_tensor");
        var n = treeIds.Length;
        if (n == 0 || n > limits.MaxTreeNodes)
        {
            throw a.Invalid("nodes_treeids", string.Create(CultureInfo.InvariantCulture, $"{n} nodes; 1 to {limits.MaxTreeNodes} are accepted"));
        }

        if (nodeIds.Length != n || featureIds.Length != n || modes.Length != n || trueIds.Length != n || falseIds.Length != n
            || (values ?? []).Length != n || (missing is not null && missing.Length != n))
        {
            throw a.Invalid("nodes_*", "the node attribute lists differ in length");
        }

        var e = new TreeEnsemble
        {
            _feature = new int[n],
            _threshold = values!,
            _mode = new byte[n],
            _true = new int[n],
            _false = new int[n],
            _missingTrue = new bool[n],
            _weightStart = new int[n],
            _weightCount = new int[n],
        };

        // (tree, node id) -> position; trees must be contiguous, the first node listed is the root.
        var position = new Dictionary<(long Tree, long Node), int>();
        var roots = new List<int>();
        var seenTrees = new HashSet<long>();
        for (var i = 0; i < n; i++)
        {
            if (i == 0 || treeIds[i] != treeIds[i - 1])
            {
                if (!seenTrees.Add(treeIds[i]))
                {
                    throw a.Invalid("nodes_treeids", string.Create(CultureInfo.InvariantCulture, $"the nodes of tree {treeIds[i]} are not listed together"));
                }

                roots.Add(i);
            }

            if (!position.TryAdd((treeIds[i], nodeIds[i]), i))
            {
                throw a.Invalid("nodes_nodeids", string.Create(CultureInfo.InvariantCulture, $"node {nodeIds[i]} of tree {treeIds[i]} is listed twice"));
            }

            e._mode[i] = modes[i] switch
            {
                "LEAF" => Leaf,
                "BRANCH_LEQ" => Leq,
                "BRANCH_LT" => Lt,
                "BRANCH_GTE" => Gte,
                "BRANCH_GT" => Gt,
                "BRANCH_EQ" => Eq,
                "BRANCH_NEQ" => Neq,
                _ => throw a.Invalid("nodes_modes", $"mode '{modes[i]}' is not supported"),
            };
            e._missingTrue[i] = missing is not null && missing[i] != 0;
        }

        for (var i = 0; i < n; i++)
        {
            if (e._mode[i] == Leaf)
            {
                continue;
            }

            if (featureIds[i] < 0 || featureIds[i] > int.MaxValue)
            {
                throw a.Invalid("nodes_featureids", string.Create(CultureInfo.InvariantCulture, $"feature {featureIds[i]} is invalid"));
            }

            e._feature[i] = (int)featureIds[i];
            e.MaxFeature = Math.Max(e.MaxFeature, e._feature[i]);
            e._true[i] = Child(position, treeIds[i], trueIds[i], a, "nodes_truenodeids");
            e._false[i] = Child(position, treeIds[i], falseIds[i], a, "nodes_falsenodeids");
        }

        e.Roots = [.. roots];
        e.TotalDepth = e.Depths(limits.MaxTreeDepth, a);
        e.ReadWeights(a, prefix, v3, position, targetCount);
        e._nodes = new Node[n];
        for (var i = 0; i < n; i++)
        {
            e._nodes[i] = new Node(e._feature[i], e._true[i], e._false[i], e._threshold[i], e._mode[i], e._missingTrue[i]);
        }

        e._allLeq = e._mode.All(m => m is Leaf or Leq) && !e._missingTrue.Any(m => m);
        return e;
    }

    /// <summary>The leaf that sample <paramref name="x"/> reaches from <paramref name="root"/>.</summary>
    public int FindLeaf(ReadOnlySpan<double> x, int root)
    {
        var nodes = _nodes;
        var i = root;
        if (_allLeq)
        {
            // The layout exporters write: every split is x <= threshold, no missing-value tracking.
            while (nodes[i].Mode != Leaf)
            {
                ref readonly var node = ref nodes[i];
                i = x[node.Feature] <= node.Threshold ? node.True : node.False;
            }

            return i;
        }

        while (nodes[i].Mode != Leaf)
        {
            ref readonly var node = ref nodes[i];
            var v = x[node.Feature];
            var t = node.Threshold;
            var go = node.Mode switch
            {
                Leq => v <= t,
                Lt => v < t,
                Gte => v >= t,
                Gt => v > t,
                Eq => v == t,
                _ => v != t,
            };
            if (!go && node.MissingTrue && double.IsNaN(v))
            {
                go = true;
            }

            i = go ? node.True : node.False;
        }

        return i;
    }

    /// <summary>The weights of a leaf as (class or target index, weight) pairs, in attribute order.</summary>
    public void Weights(int leaf, out ReadOnlySpan<int> targets, out ReadOnlySpan<double> weights)
    {
        targets = new ReadOnlySpan<int>(_weightTarget, _weightStart[leaf], _weightCount[leaf]);
        weights = new ReadOnlySpan<double>(_weightValue, _weightStart[leaf], _weightCount[leaf]);
    }

    /// <summary>A float list or, from opset 3, its double "_as_tensor" twin (exactly one may be given).</summary>
    public static double[]? DoubleList(NodeAttributes a, string name, bool v3)
    {
        var floats = a.Floats(name);
        Tensor? tensor = null;
        if (v3)
        {
            tensor = a.Tensor(name + "_as_tensor");
        }

        if (floats is not null && tensor is not null)
        {
            throw a.Invalid(name, $"both {name} and {name}_as_tensor are given");
        }

        if (tensor is not null)
        {
            if (!ElementTypes.IsFloating(tensor.Type))
            {
                throw a.Invalid(name + "_as_tensor", "must be a float or double tensor");
            }

            return [.. Operators.Numeric.ReadDoubles(tensor)];
        }

        return floats?.Select(f => (double)f).ToArray();
    }

    private static int Child(Dictionary<(long, long), int> position, long tree, long id, NodeAttributes a, string attribute)
    {
        if (!position.TryGetValue((tree, id), out var child))
        {
            throw a.Invalid(attribute, string.Create(CultureInfo.InvariantCulture, $"node {id} is not a node of tree {tree}"));
        }

        return child;
    }

    /// <summary>
    /// Longest path of each tree, by an explicit stack. Every node may be reached once only (a tree, not a
    /// graph), which also rules out cycles and bounds the walk by the node count.
    /// </summary>
    private long Depths(int maxDepth, NodeAttributes a)
    {
        long total = 0;
        var visited = new bool[_mode.Length];
        var stack = new Stack<(int Node, int Depth)>();
        foreach (var root in Roots)
        {
            var longest = 0;
            stack.Push((root, 1));
            while (stack.Count > 0)
            {
                var (i, d) = stack.Pop();
                if (visited[i])
                {
                    throw a.Invalid("nodes_truenodeids", string.Create(CultureInfo.InvariantCulture, $"node at position {i} is reached twice: the trees are not trees (shared child or cycle)"));
                }

                if (d > maxDepth)
                {
                    throw a.Invalid("nodes_truenodeids", string.Create(CultureInfo.InvariantCulture, $"a tree is deeper than {maxDepth}"));
                }

                visited[i] = true;
                longest = Math.Max(longest, d);
                if (_mode[i] != Leaf)
                {
                    stack.Push((_true[i], d + 1));
                    stack.Push((_false[i], d + 1));
                }
            }

            total += longest;
        }

        return total;
    }

    private void ReadWeights(NodeAttributes a, string prefix, bool v3, Dictionary<(long, long), int> position, int targetCount)
    {
        var treeIds = a.Ints(prefix + "_treeids") ?? [];
        var nodeIds = a.Ints(prefix + "_nodeids") ?? [];
        var ids = a.Ints(prefix + "_ids") ?? [];
        var weights = DoubleList(a, prefix + "_weights", v3) ?? [];
        if (treeIds.Length != nodeIds.Length || treeIds.Length != ids.Length || treeIds.Length != weights.Length)
        {
            throw a.Invalid(prefix + "_*", "the weight attribute lists differ in length");
        }

        var perLeaf = new List<(int Target, double Weight)>[_mode.Length];
        var targets = new HashSet<int>();
        for (var w = 0; w < treeIds.Length; w++)
        {
            if (!position.TryGetValue((treeIds[w], nodeIds[w]), out var leaf) || _mode[leaf] != Leaf)
            {
                throw a.Invalid(prefix + "_nodeids", string.Create(CultureInfo.InvariantCulture, $"weight {w} is not on a leaf (tree {treeIds[w]}, node {nodeIds[w]})"));
            }

            if (ids[w] < 0 || ids[w] >= targetCount)
            {
                throw a.Invalid(prefix + "_ids", string.Create(CultureInfo.InvariantCulture, $"id {ids[w]} is outside 0..{targetCount - 1}"));
            }

            (perLeaf[leaf] ??= []).Add(((int)ids[w], weights[w]));
            targets.Add((int)ids[w]);
            WeightsArePositive &= weights[w] >= 0;
        }

        var flatTargets = new List<int>(treeIds.Length);
        var flatValues = new List<double>(treeIds.Length);
        for (var i = 0; i < _mode.Length; i++)
        {
            _weightStart[i] = flatTargets.Count;
            foreach (var (t, v) in perLeaf[i] ?? [])
            {
                flatTargets.Add(t);
                flatValues.Add(v);
            }

            _weightCount[i] = flatTargets.Count - _weightStart[i];
        }

        _weightTarget = [.. flatTargets];
        _weightValue = [.. flatValues];
        WeightedTargets = targets;
    }

    /// <summary>One node, packed for the traversal loop.</summary>
    private readonly record struct Node(int Feature, int True, int False, double Threshold, byte Mode, bool MissingTrue);
}
