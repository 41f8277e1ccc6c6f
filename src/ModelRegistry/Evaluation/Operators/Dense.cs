using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>The one inner product routine behind MatMul, Gemm and Conv.</summary>
/// <remarks>
/// Every output element is a double accumulator that receives a[i,0]·b[0,j], a[i,1]·b[1,j], … in ascending k,
/// each product rounded to double and added in that order. The loop runs i, k, j so that b and the accumulator
/// row are read contiguously; lanes of <see cref="Vector{T}"/> perform exactly the scalar multiply and add of
/// their own element (element-wise only, never a horizontal reduction and never a fused multiply-add), so the
/// vector width of the machine does not change any bit.
/// </remarks>
internal static class Dense
{
    /// <summary>
    /// acc[i, j] = Σ_k a[i, k] · b[k, j] for i &lt; m, j &lt; n, k &lt; depth, where a[i, k] is
    /// <c>a[aOffset + i * aRowStride + k * aColStride]</c>, b is row-major [depth, n] from <c>bOffset</c> and acc
    /// is row-major [m, n] (overwritten).
    /// </summary>
    public static void Multiply(
        double[] a, int aOffset, int aRowStride, int aColStride,
        double[] b, int bOffset,
        int m, int depth, int n,
        Span<double> acc)
    {
        if (b.Length < bOffset + ((long)depth * n) || acc.Length < (long)m * n
            || (m > 0 && depth > 0 && a.Length <= aOffset + ((long)(m - 1) * aRowStride) + ((long)(depth - 1) * aColStride)))
        {
            throw new ArgumentException("operand sizes do not match the product");
        }

        var width = Vector<double>.Count;
        var vectorized = Vector.IsHardwareAccelerated && n >= width;
        ref var bBase = ref MemoryMarshal.GetArrayDataReference(b);
        for (var i = 0; i < m; i++)
        {
            var row = acc.Slice(i * n, n);
            row.Clear();
            ref var r = ref MemoryMarshal.GetReference(row);
            var aRow = aOffset + (i * aRowStride);
            var k = 0;

            // Four k at a time: each element still receives its products one by one in ascending k,
            // only the accumulator stays in a register between them.
            for (; k + 4 <= depth; k += 4)
            {
                var s0 = a[aRow + (k * aColStride)];
                var s1 = a[aRow + ((k + 1) * aColStride)];
                var s2 = a[aRow + ((k + 2) * aColStride)];
                var s3 = a[aRow + ((k + 3) * aColStride)];
                var b0 = (nuint)(bOffset + (k * n));
                var b1 = b0 + (nuint)n;
                var b2 = b1 + (nuint)n;
                var b3 = b2 + (nuint)n;
                var j = 0;
                if (vectorized)
                {
                    var v0 = new Vector<double>(s0);
                    var v1 = new Vector<double>(s1);
                    var v2 = new Vector<double>(s2);
                    var v3 = new Vector<double>(s3);
                    for (; j <= n - width; j += width)
                    {
                        var o = (nuint)j;
                        var sum = Vector.LoadUnsafe(ref r, o);
                        sum += v0 * Vector.LoadUnsafe(ref bBase, b0 + o);
                        sum += v1 * Vector.LoadUnsafe(ref bBase, b1 + o);
                        sum += v2 * Vector.LoadUnsafe(ref bBase, b2 + o);
                        sum += v3 * Vector.LoadUnsafe(ref bBase, b3 + o);
                        sum.StoreUnsafe(ref r, o);
                    }
                }

                for (; j < n; j++)
                {
                    var o = (nuint)j;
                    var sum = Unsafe.Add(ref r, j);
                    sum += s0 * Unsafe.Add(ref bBase, b0 + o);
                    sum += s1 * Unsafe.Add(ref bBase, b1 + o);
                    sum += s2 * Unsafe.Add(ref bBase, b2 + o);
                    sum += s3 * Unsafe.Add(ref bBase, b3 + o);
                    Unsafe.Add(ref r, j) = sum;
                }
            }

            for (; k < depth; k++)
            {
                var s = a[aRow + (k * aColStride)];
                var bk = (nuint)(bOffset + (k * n));
                var j = 0;
                if (vectorized)
                {
                    var vs = new Vector<double>(s);
                    for (; j <= n - width; j += width)
                    {
                        var o = (nuint)j;
                        (Vector.LoadUnsafe(ref r, o) + (vs * Vector.LoadUnsafe(ref bBase, bk + o))).StoreUnsafe(ref r, o);
                    }
                }

                for (; j < n; j++)
                {
                    Unsafe.Add(ref r, j) += s * Unsafe.Add(ref bBase, bk + (nuint)j);
                }
            }
        }
    }
}
