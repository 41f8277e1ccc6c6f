namespace DaiChain.ModelRegistry.Records;

/// <summary>A label the model outputs and the dataset label it stands for.</summary>
public sealed record LabelMapping(string ModelLabel, long DatasetLabel);
