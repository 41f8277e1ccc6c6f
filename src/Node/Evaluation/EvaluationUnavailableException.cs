namespace DaiChain.Node.Evaluation;

/// <summary>An evaluation cannot run here now (the artifact or the benchmark data is missing or unusable): says nothing about the model.</summary>
public sealed class EvaluationUnavailableException : Exception
{
    public EvaluationUnavailableException()
    {
    }

    public EvaluationUnavailableException(string message)
        : base(message)
    {
    }

    public EvaluationUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
