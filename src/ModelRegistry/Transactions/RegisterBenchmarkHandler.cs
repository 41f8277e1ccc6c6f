using DaiChain.Ledger;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;
using DaiChain.ModelRegistry.Validation;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>
/// RegisterBenchmark (kind 106): a benchmark on a registered dataset, named uniquely. Governance-gated: it needs
/// <c>benchmark_curator</c>, a role only genesis or a passed governance proposal grants.
/// </summary>
public sealed class RegisterBenchmarkHandler : RegistryHandler<RegisterBenchmarkPayload>
{
    public override ushort Kind => RegistryKinds.RegisterBenchmark;

    public override string Name => "register_benchmark";

    protected override Outcome Validate(RegisterBenchmarkPayload payload)
    {
        if (RegistryText.SlugProblem("benchmark name", payload.Name, RegistryLimits.MaxBenchmarkNameBytes) is { } name)
        {
            return Fail(RegistryErrorCodes.InvalidName, name);
        }

        // The definition's own consistency (metric of the task, threshold range, labels, inputs) is checked by
        // decoding; the chain also needs it bound to registered data.
        if (payload.Definition.DatasetHash.IsZero)
        {
            return Fail(RegistryErrorCodes.InvalidBenchmark, $"benchmark '{payload.Name}' must name its dataset's hash");
        }

        return Text("description", payload.Description, RegistryLimits.MaxDescriptionBytes);
    }

    protected override Outcome Execute(TransactionContext context, RegisterBenchmarkPayload payload)
    {
        var role = RequireRole(context, RegistryRoles.BenchmarkCurator, "register benchmarks");
        if (!role.IsSuccess)
        {
            return role;
        }

        if (RegistryState.GetBenchmark(context.State, payload.Name) is not null)
        {
            return Fail(RegistryErrorCodes.DuplicateBenchmark, $"benchmark '{payload.Name}' is already registered; benchmarks are never redefined, register a new name");
        }

        var dataset = payload.Definition.DatasetHash;
        if (RegistryState.GetDataset(context.State, dataset) is null)
        {
            return Fail(RegistryErrorCodes.UnknownDataset, $"benchmark dataset {RegistryIds.Format(dataset)} is not registered; register it first");
        }

        RegistryState.Put(context.State, RegistryState.BenchmarkKey(payload.Name), new BenchmarkRecord
        {
            Name = payload.Name,
            Description = payload.Description,
            Definition = payload.Definition,
            RegisteredBy = context.Sender,
            RegisteredHeight = context.Block.Height,
        });
        AppendList.Append(context.State, RegistrySpaces.Benchmarks, [], System.Text.Encoding.UTF8.GetBytes(payload.Name));
        context.Emit(
            "registry.benchmark_registered",
            ("benchmark", payload.Name),
            ("dataset", RegistryIds.Format(dataset)),
            ("metric", payload.Definition.Metric.ToString()),
            ("by", context.Sender.ToString()));
        return Outcome.Success;
    }
}
