using System.Numerics;

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
        var width = Vector<double>.Count;
        for (var i = 0; i < m; i++)
        {
            var row = acc.Slice(i * n, n);
            row.Clear();
            var aRow = aOffset + (i * aRowStride);
            for (var k = 0; k < depth; k++)
            {
                var s = a[aRow + (k * aColStride)];
                var bRow = new ReadOnlySpan<double>(b, bOffset + (k * n), n);
                var j = 0;
                if (Vector.IsHardwareAccelerated && n >= width)
                {
                    var vs = new Vector<double>(s);
                    for (; j <= n - width; j += width)
                    {
                        var sum = new Vector<double>(row[j..]) + (vs * new Vector<double>(bRow[j..]));
                        sum.CopyTo(row[j..]);
                    }
                }

                for (; j < n; j++)
                {
                    row[j] += s * bRow[j];
                }
            }
        }
    }
}
