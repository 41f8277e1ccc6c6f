namespace DaiChain.ModelRegistry.Evaluation;

/// <summary>
/// One entry of a benchmark's label mapping: a label the model outputs (an integer written in decimal, a string
/// label, or, for a per-class score output, the class index in decimal) and the dataset label it stands for.
/// </summary>
public sealed record LabelMapEntry(string ModelLabel, long DatasetLabel);
