using System.Globalization;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Tests.Evaluation;

/// <summary>Compares tensors: shapes and types exactly, float32 within a float32 tolerance, everything else exactly.</summary>
internal static class TensorAssert
{
    public static void Close(Tensor expected, Tensor actual, string what, double rtol = 1e-4, double atol = 1e-6)
    {
        Assert.True(expected.Type == actual.Type, $"{what}: type {ElementTypes.Name(actual.Type)}, expected {ElementTypes.Name(expected.Type)}");
        Assert.True(Shapes.Equal(expected.Shape, actual.Shape), $"{what}: shape {Shapes.Format(actual.Shape)}, expected {Shapes.Format(expected.Shape)}");
        for (var i = 0; i < expected.Length; i++)
        {
            switch (expected.Type)
            {
                case ElementType.Float:
                case ElementType.Double:
                    {
                        var e = expected.GetDouble(i);
                        var a = actual.GetDouble(i);
                        var tolerance = expected.Type == ElementType.Float ? atol + (rtol * Math.Abs(e)) : 1e-9 * Math.Max(1.0, Math.Abs(e));
                        var ok = (double.IsNaN(e) && double.IsNaN(a)) || e == a || Math.Abs(e - a) <= tolerance;
                        Assert.True(ok, string.Create(CultureInfo.InvariantCulture, $"{what}: element {i} is {a:R}, expected {e:R}"));
                        break;
                    }

                case ElementType.String:
                    Assert.Equal(expected.StringData[i], actual.StringData[i]);
                    break;
                default:
                    Assert.True(expected.LongData[i] == actual.LongData[i], string.Create(CultureInfo.InvariantCulture, $"{what}: element {i} is {actual.LongData[i]}, expected {expected.LongData[i]}"));
                    break;
            }
        }
    }
}
