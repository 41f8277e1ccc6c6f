using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Runtime;

/// <summary>How one graph input is filled from each sample's features: a slice, its per-sample shape and element type.</summary>
internal sealed record FeedBinding(string InputName, int FirstFeature, int[] SampleShape, ElementType Type)
{
    public int Width => (int)Shapes.ElementCount(SampleShape);
}
