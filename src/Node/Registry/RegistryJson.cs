using System.Text.Json.Serialization;
using DaiChain.ModelRegistry.Queries;

namespace DaiChain.Node.Registry;

/// <summary>Source-generated JSON for the registry's RPC parameters and results (camelCase, as in docs/spec/rpc.md).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ModelParams))]
[JsonSerializable(typeof(ListParams))]
[JsonSerializable(typeof(VersionParams))]
[JsonSerializable(typeof(ListVersionsParams))]
[JsonSerializable(typeof(LineageParams))]
[JsonSerializable(typeof(ContributionsParams))]
[JsonSerializable(typeof(ReceiptsParams))]
[JsonSerializable(typeof(ReceiptProofParams))]
[JsonSerializable(typeof(ReportParams))]
[JsonSerializable(typeof(DatasetParams))]
[JsonSerializable(typeof(BenchmarkParams))]
[JsonSerializable(typeof(RoundParams))]
[JsonSerializable(typeof(ArtifactParams))]
[JsonSerializable(typeof(ModelView))]
[JsonSerializable(typeof(Page<ModelSummaryView>))]
[JsonSerializable(typeof(VersionView))]
[JsonSerializable(typeof(Page<VersionSummaryView>))]
[JsonSerializable(typeof(LineageView))]
[JsonSerializable(typeof(Page<ContributionView>))]
[JsonSerializable(typeof(Page<BatchView>))]
[JsonSerializable(typeof(ReceiptProofView))]
[JsonSerializable(typeof(ProvenanceReportView))]
[JsonSerializable(typeof(DatasetView))]
[JsonSerializable(typeof(BenchmarkView))]
[JsonSerializable(typeof(RoundView))]
[JsonSerializable(typeof(ArtifactInfoView))]
[JsonSerializable(typeof(ArtifactHoldingView))]
[JsonSerializable(typeof(RegistryEventView))]
public sealed partial class RegistryJson : JsonSerializerContext;
