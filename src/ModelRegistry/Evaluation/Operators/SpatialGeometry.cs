using System.Globalization;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Output sizes and paddings of Conv and pooling windows, normalised to three spatial dimensions.</summary>
/// <remarks>
/// One- and two-dimensional operators are run as three-dimensional ones with leading extents of 1 (kernel 1,
/// stride 1, no padding), so a single loop nest serves all of them.
/// </remarks>
internal sealed class SpatialGeometry
{
    public required int[] Input { get; init; }

    public required int[] Output { get; init; }

    public required int[] Kernel { get; init; }

    public required int[] Strides { get; init; }

    public required int[] Dilations { get; init; }

    public required int[] PadBegin { get; init; }

    public required int[] PadEnd { get; init; }

    public int OutputCount => Output[0] * Output[1] * Output[2];

    public int KernelCount => Kernel[0] * Kernel[1] * Kernel[2];

    /// <summary>Computes the geometry; <paramref name="fail"/> builds the rejection for invalid attributes.</summary>
    public static SpatialGeometry Compute(
        ReadOnlySpan<int> input, long[] kernel, long[]? strides, long[]? dilations, long[]? pads, string autoPad,
        bool ceilMode, Func<string, Exception> fail)
    {
        var rank = input.Length;
        if (rank is < 1 or > 3)
        {
            throw fail(string.Create(CultureInfo.InvariantCulture, $"{rank} spatial dimensions; 1 to 3 are supported"));
        }

        if (kernel.Length != rank || (strides is not null && strides.Length != rank)
            || (dilations is not null && dilations.Length != rank) || (pads is not null && pads.Length != 2 * rank))
        {
            throw fail("kernel_shape, strides, dilations and pads do not match the input's spatial rank");
        }

        int[] i3 = [1, 1, 1], o3 = [1, 1, 1], k3 = [1, 1, 1], s3 = [1, 1, 1], d3 = [1, 1, 1], pb3 = [0, 0, 0], pe3 = [0, 0, 0];
        for (var d = 0; d < rank; d++)
        {
            var at = 3 - rank + d;
            var k = kernel[d];
            var s = strides?[d] ?? 1;
            var dil = dilations?[d] ?? 1;
            long pb = pads?[d] ?? 0;
            long pe = pads?[d + rank] ?? 0;
            if (k < 1 || k > 4096 || s < 1 || s > 4096 || dil < 1 || dil > 4096 || pb < 0 || pe < 0 || pb > 4096 || pe > 4096)
            {
                throw fail("kernel_shape, strides and dilations must be in 1..4096 and pads in 0..4096");
            }

            var n = input[d];
            var effective = ((k - 1) * dil) + 1;
            long output;
            switch (autoPad)
            {
                case "NOTSET":
                    {
                        var span = n + pb + pe - effective;
                        if (span < 0)
                        {
                            throw fail(string.Create(CultureInfo.InvariantCulture, $"window {effective} is larger than the padded input {n + pb + pe}"));
                        }

                        output = ceilMode ? ((span + s - 1) / s) + 1 : (span / s) + 1;
                        if (ceilMode && (output - 1) * s >= n + pb)
                        {
                            // The last window would start in the end padding only; it is dropped.
                            output--;
                        }

                        break;
                    }

                case "VALID":
                    pb = pe = 0;
                    if (n < effective)
                    {
                        throw fail(string.Create(CultureInfo.InvariantCulture, $"window {effective} is larger than the input {n}"));
                    }

                    output = ((n - effective) / s) + 1;
                    break;
                case "SAME_UPPER":
                case "SAME_LOWER":
                    {
                        output = (n + s - 1) / s;
                        var total = Math.Max(0, ((output - 1) * s) + effective - n);
                        pb = autoPad == "SAME_UPPER" ? total / 2 : total - (total / 2);
                        pe = total - pb;
                        break;
                    }

                default:
                    throw fail($"auto_pad '{autoPad}' is not one of NOTSET, VALID, SAME_UPPER, SAME_LOWER");
            }

            i3[at] = n;
            o3[at] = (int)output;
            k3[at] = (int)k;
            s3[at] = (int)s;
            d3[at] = (int)dil;
            pb3[at] = (int)pb;
            pe3[at] = (int)pe;
        }

        return new SpatialGeometry { Input = i3, Output = o3, Kernel = k3, Strides = s3, Dilations = d3, PadBegin = pb3, PadEnd = pe3 };
    }
}
