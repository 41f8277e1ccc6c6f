using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Records;

namespace DaiChain.Node.Evaluation;

/// <summary>Where an evaluation's bytes come from: the model artifact and the benchmark dataset, each checked against its hash.</summary>
public interface IEvaluationInputs
{
    /// <exception cref="EvaluationUnavailableException">This node cannot get the artifact.</exception>
    Task<byte[]> ModelAsync(Hash256 artifact, CancellationToken cancellationToken);

    /// <exception cref="EvaluationUnavailableException">This node cannot get the dataset (a private one was not provisioned here).</exception>
    Task<byte[]> DatasetAsync(Hash256 dataset, DatasetVisibility visibility, CancellationToken cancellationToken);
}
