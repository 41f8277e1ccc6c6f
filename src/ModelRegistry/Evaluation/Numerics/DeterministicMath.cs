namespace DaiChain.ModelRegistry.Evaluation.Numerics;

/// <summary>
/// exp, expm1, log, tanh and the logistic function built only from IEEE-754 +, −, ×, ÷, sqrt and exact
/// power-of-two scaling, so that every machine computes the same bits.
/// </summary>
/// <remarks>
/// <para>
/// <c>Math.Exp</c>, <c>Math.Log</c>, <c>Math.Tanh</c> and <c>Math.Pow</c> call the platform C library, whose
/// last bit differs between operating systems and library versions; <c>Math.FusedMultiplyAdd</c> is wrongly
/// rounded without FMA hardware. The functions here use a fixed sequence of basic operations (Horner
/// polynomials, fixed range reductions), which IEEE-754 makes bit-exact everywhere. .NET never contracts
/// <c>a * b + c</c> into a fused multiply-add, so the written order is the executed order.
/// </para>
/// <para>
/// Accuracy: a few units in the last place of a double, which is far below float32 resolution; kernels
/// compute in double and round to float32 once.
/// </para>
/// </remarks>
internal static class DeterministicMath
{
    // ln 2 split so that k * Ln2Hi is exact for |k| < 2^11 (Cody–Waite reduction; the fdlibm constants).
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double InvLn2 = 1.44269504088896338700e+00;
    private const double ExpOverflow = 709.782712893383973096;
    private const double ExpUnderflow = -745.13321910194110842;
    private const double Sqrt2 = 1.41421356237309504880;

    /// <summary>e^x.</summary>
    public static double Exp(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x > ExpOverflow)
        {
            return double.PositiveInfinity;
        }

        if (x < ExpUnderflow)
        {
            return 0.0;
        }

        // x = k ln2 + r, |r| <= ln2 / 2; Math.Round is IEEE roundToIntegralTiesToEven (exact, no libm).
        var k = Math.Round(x * InvLn2);
        var r = (x - (k * Ln2Hi)) - (k * Ln2Lo);
        return ScaleByPowerOfTwo(ExpReduced(r), (int)k);
    }

    /// <summary>e^x − 1, accurate near zero.</summary>
    public static double Expm1(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x > -0.5 && x < 0.5)
        {
            // Taylor series to x^17/17!: the remainder is below 2^-70 relative for |x| < 0.5.
            var p = 1.0 / 355687428096000.0;            // 1/17!
            p = (p * x) + (1.0 / 20922789888000.0);     // 1/16!
            p = (p * x) + (1.0 / 1307674368000.0);      // 1/15!
            p = (p * x) + (1.0 / 87178291200.0);        // 1/14!
            p = (p * x) + (1.0 / 6227020800.0);         // 1/13!
            p = (p * x) + (1.0 / 479001600.0);          // 1/12!
            p = (p * x) + (1.0 / 39916800.0);           // 1/11!
            p = (p * x) + (1.0 / 3628800.0);            // 1/10!
            p = (p * x) + (1.0 / 362880.0);             // 1/9!
            p = (p * x) + (1.0 / 40320.0);              // 1/8!
            p = (p * x) + (1.0 / 5040.0);               // 1/7!
            p = (p * x) + (1.0 / 720.0);                // 1/6!
            p = (p * x) + (1.0 / 120.0);                // 1/5!
            p = (p * x) + (1.0 / 24.0);                 // 1/4!
            p = (p * x) + (1.0 / 6.0);                  // 1/3!
            p = (p * x) + 0.5;                          // 1/2!
            return x + (x * x * p);
        }

        return Exp(x) - 1.0;
    }

    /// <summary>Natural logarithm.</summary>
    public static double Log(double x)
    {
        if (double.IsNaN(x) || x < 0)
        {
            return double.NaN;
        }

        if (x == 0)
        {
            return double.NegativeInfinity;
        }

        if (double.IsPositiveInfinity(x))
        {
            return double.PositiveInfinity;
        }

        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var adjust = 0;
        if (exponent == 0)
        {
            // Subnormal: scale into the normal range exactly.
            x *= 18014398509481984.0; // 2^54
            bits = BitConverter.DoubleToInt64Bits(x);
            exponent = (int)((bits >> 52) & 0x7FF);
            adjust = -54;
        }

        // x = m * 2^e with m in [1, 2).
        var e = exponent - 1023 + adjust;
        var m = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        if (m > Sqrt2)
        {
            m *= 0.5;
            e += 1;
        }

        // log m = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.1716; the series to s^21 is exact to 2^-60.
        var s = (m - 1.0) / (m + 1.0);
        var z = s * s;
        var p = 1.0 / 21.0;
        p = (p * z) + (1.0 / 19.0);
        p = (p * z) + (1.0 / 17.0);
        p = (p * z) + (1.0 / 15.0);
        p = (p * z) + (1.0 / 13.0);
        p = (p * z) + (1.0 / 11.0);
        p = (p * z) + (1.0 / 9.0);
        p = (p * z) + (1.0 / 7.0);
        p = (p * z) + (1.0 / 5.0);
        p = (p * z) + (1.0 / 3.0);
        var logM = (2.0 * s) + (2.0 * s * z * p);
        return (e * Ln2Hi) + ((e * Ln2Lo) + logM);
    }

    /// <summary>Hyperbolic tangent.</summary>
    public static double Tanh(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        var a = Math.Abs(x);
        if (a > 22.0)
        {
            return x > 0 ? 1.0 : -1.0;
        }

        // tanh a = t / (t + 2) with t = e^(2a) - 1; expm1 keeps small arguments accurate.
        var t = Expm1(2.0 * a);
        var r = t / (t + 2.0);
        return x < 0 ? -r : r;
    }

    /// <summary>The logistic function 1 / (1 + e^-x), computed without overflow for either sign.</summary>
    public static double Sigmoid(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x >= 0)
        {
            return 1.0 / (1.0 + Exp(-x));
        }

        var e = Exp(x);
        return e / (1.0 + e);
    }

    /// <summary>e^r for |r| &lt;= ln2/2: Taylor series to r^13/13!, remainder below 2^-58 relative.</summary>
    private static double ExpReduced(double r)
    {
        var p = 1.0 / 6227020800.0;     // 1/13!
        p = (p * r) + (1.0 / 479001600.0);
        p = (p * r) + (1.0 / 39916800.0);
        p = (p * r) + (1.0 / 3628800.0);
        p = (p * r) + (1.0 / 362880.0);
        p = (p * r) + (1.0 / 40320.0);
        p = (p * r) + (1.0 / 5040.0);
        p = (p * r) + (1.0 / 720.0);
        p = (p * r) + (1.0 / 120.0);
        p = (p * r) + (1.0 / 24.0);
        p = (p * r) + (1.0 / 6.0);
        p = (p * r) + 0.5;
        p = (p * r) + 1.0;
        return (p * r) + 1.0;
    }

    /// <summary>value × 2^k by exact power-of-two multiplications (one rounding at most, in the subnormal range).</summary>
    private static double ScaleByPowerOfTwo(double value, int k)
    {
        if (k > 1023)
        {
            value *= PowerOfTwo(1023);
            k -= 1023;
            if (k > 1023)
            {
                return double.PositiveInfinity;
            }
        }
        else if (k < -1022)
        {
            value *= PowerOfTwo(-1022);
            k += 1022;
            if (k < -1022)
            {
                value *= PowerOfTwo(-1022);
                k += 1022;
            }
        }

        return value * PowerOfTwo(Math.Max(k, -1022));
    }

    private static double PowerOfTwo(int k) => BitConverter.Int64BitsToDouble((long)(k + 1023) << 52);
}
