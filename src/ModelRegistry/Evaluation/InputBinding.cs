namespace DaiChain.ModelRegistry.Evaluation;

/// <summary>Feeds graph input <paramref name="Name"/> with features [FirstFeature, FirstFeature + Width) of each sample.</summary>
/// <remarks>For models with one input per column (ML.NET exports one per column); a single-input model needs no binding.</remarks>
public sealed record InputBinding(string Name, int FirstFeature, int Width);
