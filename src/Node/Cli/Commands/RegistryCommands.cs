namespace DaiChain.Node.Cli.Commands;

/// <summary>The registry's command groups: <c>model</c>, <c>benchmark</c>, <c>dataset</c>, <c>evaluation</c>, <c>contribution</c>, <c>receipts</c>, <c>artifact</c>.</summary>
internal static class RegistryCommands
{
    public static IReadOnlyList<CommandNode> Create(TimeProvider time) =>
    [
        new CommandGroup("model", "register models, submit versions, show lineage and provenance reports",
        [
            new ModelRegisterCommand(),
            new ModelSubmitCommand(),
            new ModelShowCommand(),
            new ModelLineageCommand(),
            new ModelReportCommand(),
            new ModelEvaluateCommand(),
        ]),
        new CommandGroup("benchmark", "register benchmarks (governance-granted role)",
        [
            new BenchmarkRegisterCommand(),
        ]),
        new CommandGroup("dataset", "register datasets by hash",
        [
            new DatasetRegisterCommand(),
        ]),
        new CommandGroup("evaluation", "report validators that signed conflicting evaluations",
        [
            new EvaluationReportConflictCommand(),
        ]),
        new CommandGroup("contribution", "record training contributions",
        [
            new ContributionRecordCommand(),
        ]),
        new CommandGroup("receipts", "sign, batch and record inference receipts",
        [
            new ReceiptsSignCommand(time),
            new ReceiptsSubmitCommand(),
        ]),
        new CommandGroup("artifact", "operate a node's artifact store",
        [
            new ArtifactEraseCommand(time),
        ]),
    ];
}
