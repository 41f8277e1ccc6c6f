using System.Text.Json.Serialization;

namespace DaiChain.Node.Api;

/// <summary>Source-generated JSON for the node and chain methods: camelCase, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BlockParams))]
[JsonSerializable(typeof(FullBlockParams))]
[JsonSerializable(typeof(HeightParams))]
[JsonSerializable(typeof(SubmitParams))]
[JsonSerializable(typeof(HashParams))]
[JsonSerializable(typeof(AccountParams))]
[JsonSerializable(typeof(ProofParams))]
[JsonSerializable(typeof(HeaderView))]
[JsonSerializable(typeof(BlockView))]
[JsonSerializable(typeof(CommitView))]
[JsonSerializable(typeof(ValidatorSetView))]
[JsonSerializable(typeof(AccountView))]
[JsonSerializable(typeof(StateProofView))]
[JsonSerializable(typeof(TransactionView))]
[JsonSerializable(typeof(SubmitResultView))]
[JsonSerializable(typeof(NodeStatusView))]
[JsonSerializable(typeof(IReadOnlyList<PeerView>))]
internal sealed partial class ApiJson : JsonSerializerContext;
