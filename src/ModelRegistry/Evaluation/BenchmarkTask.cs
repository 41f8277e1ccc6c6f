namespace DaiChain.ModelRegistry.Evaluation;

public enum BenchmarkTask : byte
{
    /// <summary>Predict an int64 class label; scored by accuracy, precision, recall or F1.</summary>
    Classification = 1,

    /// <summary>Predict a float32 target; scored by mean squared or absolute error.</summary>
    Regression = 2,
}
