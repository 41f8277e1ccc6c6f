namespace DaiChain.ModelRegistry.Records;

/// <summary>Feeds graph input <paramref name="Name"/> with features [FirstFeature, FirstFeature + Width) of each sample.</summary>
public sealed record InputFeatureBinding(string Name, uint FirstFeature, uint Width);
