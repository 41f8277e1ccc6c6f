namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Remembers one derived array (a weight converted to double, transposed or packed) per source tensor.</summary>
/// <remarks>
/// Weights are constants, so the same tensor object reaches the kernel for every batch; converting it once
/// saves the work without changing any value. Safe to share between threads: the entry is replaced atomically.
/// </remarks>
internal sealed class PackedCache
{
    private Entry? _entry;

    public double[] GetOrCreate(object source, Func<double[]> create)
    {
        var entry = Volatile.Read(ref _entry);
        if (entry is not null && ReferenceEquals(entry.Source, source))
        {
            return entry.Packed;
        }

        var packed = create();
        Volatile.Write(ref _entry, new Entry(source, packed));
        return packed;
    }

    private sealed record Entry(object Source, double[] Packed);
}
