using DaiChain.ModelRegistry.Queries;

namespace DaiChain.Node.Registry;

/// <summary>What <c>artifact_info</c> returns: whether this node holds the artifact, and which versions name it on chain.</summary>
public sealed record ArtifactInfoView(ArtifactHoldingView Holding, IReadOnlyList<string> Versions, ulong VersionCount);
