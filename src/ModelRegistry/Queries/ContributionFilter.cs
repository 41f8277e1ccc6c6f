namespace DaiChain.ModelRegistry.Queries;

/// <summary>Which contributions to list.</summary>
public enum ContributionFilter
{
    /// <summary>Every contribution to a model and its rounds, in recording order.</summary>
    Model,

    /// <summary>The contributions a version cites, in its order.</summary>
    Version,

    /// <summary>Every contribution credited to an account.</summary>
    Contributor,

    /// <summary>The contributions of a federated round.</summary>
    Round,
}
