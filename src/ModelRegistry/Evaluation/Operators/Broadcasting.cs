using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Walks a broadcast output row by row, giving each operand's offset and step along the last axis.</summary>
internal static class Broadcasting
{
    /// <summary>
    /// Visits the rows of <paramref name="outShape"/> in order, calling <paramref name="visit"/> with
    /// (output offset, a offset, a step, b offset, b step, row length).
    /// </summary>
    public static void ForEachRow(int[] outShape, int[] aShape, int[] bShape, Action<int, int, int, int, int, int> visit)
    {
        var rank = outShape.Length;
        if (rank == 0)
        {
            visit(0, 0, 0, 0, 0, 1);
            return;
        }

        var sa = Shapes.BroadcastStrides(aShape, outShape);
        var sb = Shapes.BroadcastStrides(bShape, outShape);
        var inner = outShape[rank - 1];
        var count = Shapes.ElementCount(outShape);
        if (inner == 0 || count == 0)
        {
            return;
        }

        var outer = (int)(count / inner);
        var index = new int[rank - 1];
        int aOffset = 0, bOffset = 0;
        for (var row = 0; row < outer; row++)
        {
            visit(row * inner, aOffset, sa[rank - 1], bOffset, sb[rank - 1], inner);
            for (var d = rank - 2; d >= 0; d--)
            {
                index[d]++;
                aOffset += sa[d];
                bOffset += sb[d];
                if (index[d] < outShape[d])
                {
                    break;
                }

                aOffset -= sa[d] * outShape[d];
                bOffset -= sb[d] * outShape[d];
                index[d] = 0;
            }
        }
    }

    /// <summary>Offsets into a tensor of shape <paramref name="shape"/> for every element of <paramref name="outShape"/>, in order.</summary>
    public static int[] Offsets(int[] shape, int[] outShape)
    {
        var offsets = new int[checked((int)Shapes.ElementCount(outShape))];
        ForEachRow(outShape, shape, shape, (o, a, sa, _, _, n) =>
        {
            for (var i = 0; i < n; i++)
            {
                offsets[o + i] = a + (i * sa);
            }
        });
        return offsets;
    }
}
